package cn.econtract.app.notification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's channels for reminders: e-mail and in-app on unless switched off; SMS on once a
 * mobile number is given (a mainland number, 11 digits from 1).
 */
@Service
public class NotificationPreferences {

    public enum Channel { EMAIL, SMS, IN_APP }

    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

    private final JdbcClient jdbc;

    NotificationPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Preferences(Map<Channel, Boolean> channels, String phone) {
    }

    public Preferences of(String userId) {
        Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
        Optional<String> phone = phone(userId);
        for (Channel c : Channel.values()) {
            channels.put(c, wants(userId, c.name()));
        }
        return new Preferences(channels, phone.orElse(null));
    }

    public boolean wants(String userId, String channel) {
        Optional<Boolean> set = jdbc.sql("SELECT enabled FROM notification_preference WHERE user_id = :u AND channel = :c")
                .param("u", userId).param("c", channel).query(Boolean.class).optional();
        return set.orElseGet(() -> !"SMS".equals(channel) || phone(userId).isPresent());
    }

    public Optional<String> phone(String userId) {
        return jdbc.sql("SELECT phone FROM user_phone WHERE user_id = :u").param("u", userId).query(String.class).optional();
    }

    /** Replaces the caller's preferences; a channel left out keeps its default; 400 for a number that is not a mobile one. */
    @Transactional
    public Preferences set(String userId, Map<Channel, Boolean> channels, String phone) {
        if (phone != null && !phone.isBlank() && !MOBILE.matcher(phone.strip()).matches()) {
            throw new InvalidFieldsException(List.of(new FieldError("phone", "validation.phone")));
        }
        jdbc.sql("DELETE FROM user_phone WHERE user_id = :u").param("u", userId).update();
        if (phone != null && !phone.isBlank()) {
            jdbc.sql("INSERT INTO user_phone (user_id, phone) VALUES (:u, :p)").param("u", userId).param("p", phone.strip()).update();
        }
        jdbc.sql("DELETE FROM notification_preference WHERE user_id = :u").param("u", userId).update();
        if (channels != null) {
            channels.forEach((c, on) -> {
                if (c != null && on != null) {
                    jdbc.sql("INSERT INTO notification_preference (user_id, channel, enabled) VALUES (:u, :c, :e)")
                            .param("u", userId).param("c", c.name()).param("e", on).update();
                }
            });
        }
        return of(userId);
    }
}
