package cn.econtract.app.crypto;

import java.util.function.UnaryOperator;

/**
 * Implemented by every feature that stores sealed values, so a KEK rotation can re-wrap all data
 * keys without knowing where they live.
 */
public interface DataKeyHolder {

    /** Rewrites each stored sealed value through {@code rewrap}; returns how many changed. */
    int rewrapAll(UnaryOperator<SealedValue> rewrap);
}
