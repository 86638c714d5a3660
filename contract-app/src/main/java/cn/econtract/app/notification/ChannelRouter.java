package cn.econtract.app.notification;

/** Each channel to its own gateway: e-mail to SMTP or the outbox, SMS to the provider or the outbox. */
class ChannelRouter implements MessageGateway {

    private final MessageGateway email;
    private final MessageGateway sms;

    ChannelRouter(MessageGateway email, MessageGateway sms) {
        this.email = email;
        this.sms = sms;
    }

    @Override
    public void send(TextMessage message) {
        (message.channel() == TextMessage.Channel.EMAIL ? email : sms).send(message);
    }
}
