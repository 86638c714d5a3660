package cn.econtract.app.notification;

/**
 * Port to whoever delivers text messages: the outbox (embedded default and demo: stored, readable by
 * administrators) or an SMS provider over HTTP. Throws when the message could not be handed over.
 */
public interface MessageGateway {

    void send(TextMessage message);
}
