package cn.econtract.app.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP ({@code spring.mail.*}, on with {@code econtract.notification.mail.enabled}).
 * Each message sent is also written to the outbox, which is then the delivery log administrators
 * read; a message the server refused throws, so the caller retries it.
 */
class MailGateway implements MessageGateway {

    static final String DEFAULT_SUBJECT = "电子合同平台通知 Notification from the contract platform";

    private final JavaMailSender mail;
    private final String from;
    private final Outbox log;

    MailGateway(JavaMailSender mail, String from, Outbox log) {
        this.mail = mail;
        this.from = from;
        this.log = log;
    }

    @Override
    public void send(TextMessage message) {
        if (message.channel() != TextMessage.Channel.EMAIL) {
            throw new IllegalArgumentException("not an e-mail: " + message.channel());
        }
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, !message.attachments().isEmpty(), StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.destination());
            helper.setSubject(message.subject() == null ? DEFAULT_SUBJECT : message.subject());
            helper.setText(message.body(), false);
            for (TextMessage.Attachment a : message.attachments()) {
                helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.mediaType());
            }
            mail.send(mime);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the e-mail to " + message.destination(), e);
        }
        log.send(message);
    }
}
