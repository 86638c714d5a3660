package cn.econtract.app.notification;

/** A short message to one phone number or e-mail address (one-time codes, invitations). */
public record TextMessage(Channel channel, String destination, String body) {

    public enum Channel { SMS, EMAIL }
}
