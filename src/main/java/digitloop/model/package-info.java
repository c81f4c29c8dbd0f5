/**
 * Networks and their files: architecture specs as records, building DL4J networks from them,
 * {@link digitloop.model.ModelFile} (DL4J zip with its provenance as JSON, written atomically) and
 * {@link digitloop.model.Classifier}, batched probabilities plus the "not sure" scores. The native
 * backend choice ({@link digitloop.model.NativeBackend}) lives here because it must precede ND4J.
 */
package digitloop.model;
