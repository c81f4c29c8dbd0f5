package digitloop.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import digitloop.model.Json;
import org.junit.jupiter.api.Test;

class GanSpecTest {
    @Test
    void aSpecWrittenBeforeTheNamingTermReadsAsAPlainConditionalGan() throws Exception {
        // The spec of the generator shipped before the discriminator named digits, as its sidecar held it.
        String old = "{\"zSize\":64,\"embeddingSize\":16,\"loss\":\"LEAST_SQUARES\",\"generatorChannels\":64,\"discriminatorChannels\":32}";
        GanSpec spec = Json.mapper().readValue(old, GanSpec.class);
        assertEquals(0.0, spec.classWeight());
        assertEquals(GanSpec.DEFAULT.withClassWeight(0), spec);
        assertEquals(spec, Json.mapper().readValue(Json.mapper().writeValueAsString(spec), GanSpec.class));
    }

    @Test
    void aNegativeNamingWeightIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GanSpec.DEFAULT.withClassWeight(-1));
        assertEquals("the naming weight (--class-weight) must be 0-100, got -1.0", e.getMessage());
    }
}
