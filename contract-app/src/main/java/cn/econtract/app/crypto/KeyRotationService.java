package cn.econtract.app.crypto;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Rotates the KEK and re-wraps every data key under it; documents are not re-encrypted. */
@Service
public class KeyRotationService {

    private final KeyEncryptionKeyProvider keys;
    private final EnvelopeCipher cipher;
    private final List<DataKeyHolder> holders;
    private final ApplicationEventPublisher events;

    public KeyRotationService(KeyEncryptionKeyProvider keys, EnvelopeCipher cipher, List<DataKeyHolder> holders,
                              ApplicationEventPublisher events) {
        this.keys = keys;
        this.cipher = cipher;
        this.holders = holders;
        this.events = events;
    }

    public KeyRotatedEvent rotate(String actor) {
        String newKek = keys.rotate();
        int count = holders.stream().mapToInt(holder -> holder.rewrapAll(cipher::rewrap)).sum();
        KeyRotatedEvent event = new KeyRotatedEvent(newKek, count, actor);
        events.publishEvent(event);
        return event;
    }
}
