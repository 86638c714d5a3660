package cn.econtract.app.notification;

/**
 * A short message to one phone number or e-mail address (one-time codes, invitations, reminders).
 * {@code subject} is the e-mail's subject (null: a generic one); SMS leaves it out.
 */
public record TextMessage(Channel channel, String destination, String subject, String body) {

    public TextMessage(Channel channel, String destination, String body) {
        this(channel, destination, null, body);
    }

    public enum Channel { SMS, EMAIL }
}
