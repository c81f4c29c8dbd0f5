/**
 * Where the app's own files live and how any of them is replaced: {@link digitloop.files.AppHome} (the
 * app's folder, against which models, datasets, labels and logs resolve; paths a person types resolve
 * against the folder they are in), {@link digitloop.files.RunLog} (one log file per run),
 * {@link digitloop.files.ResidentMemory} (the process's resident size) and
 * {@link digitloop.files.AtomicWrite} (write beside, sync, rename, sync the folder). Imports only the
 * JDK; see docs/architecture.md.
 */
package digitloop.files;
