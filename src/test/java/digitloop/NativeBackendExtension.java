package digitloop;

import digitloop.model.NativeBackend;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (META-INF/services + autodetection): picks the native build
 * before any test touches ND4J, exactly as the app's main does.
 */
public final class NativeBackendExtension implements BeforeAllCallback {
    static {
        NativeBackend.configure();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        NativeBackend.configure();
    }
}
