package digitloop.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The shape of a network, independent of its weights; stored in the model sidecar. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MlpSpec.class, name = "mlp"),
    @JsonSubTypes.Type(value = CnnSpec.class, name = "cnn"),
    @JsonSubTypes.Type(value = LeNetSpec.class, name = "lenet")
})
public sealed interface ArchitectureSpec permits MlpSpec, CnnSpec, LeNetSpec {
    /** A short name for tables and file names: mlp, cnn, lenet. */
    String kind();

    /** One line for humans, e.g. "CNN 32-64, dense 128, dropout 0.5". */
    String describe();

    /** Dropout probability (of dropping) before the output layer; MC dropout needs it above 0. */
    double dropout();
}
