package digitloop.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Child process of {@link NativeBackendTest}: reports the build it got and the helpers DL4J attached. */
public final class BackendProbe {
    private BackendProbe() {
    }

    public static void main(String[] args) {
        NativeBackend.Build build = NativeBackend.configure();
        MultiLayerNetwork net = NetworkFactory.build(CnnSpec.DEFAULT, 28, 1, 1e-3);
        net.output(Nd4j.rand(DataType.FLOAT, 2, 784));
        System.out.println("build=" + build + " helpers=" + helpers(net));
    }

    /** Simple class names of the layer helpers DL4J attached, one per layer that has one. */
    static List<String> helpers(MultiLayerNetwork net) {
        List<String> names = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            try {
                Object helper = layer.getClass().getMethod("getHelper").invoke(layer);
                if (helper != null) names.add(helper.getClass().getSimpleName());
            } catch (ReflectiveOperationException noHelperAccessor) {
                // Dense and output layers have no helper.
            }
        }
        return names;
    }
}
