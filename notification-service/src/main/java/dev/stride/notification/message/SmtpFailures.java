package dev.stride.notification.message;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailSendException;

/**
 * Tells a transient SMTP failure (connection refused or lost, timeouts, 4xx replies, relay
 * authentication problems) from a permanent one (5xx replies, an invalid address).
 */
final class SmtpFailures {

    record Verdict(boolean permanent, String reason) {
    }

    private SmtpFailures() {
    }

    static Verdict classify(Throwable failure) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        todo.add(failure);
        Integer code = null;
        String codeMessage = null;
        boolean badAddress = false;
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            Integer replyCode = replyCode(t);
            if (replyCode != null && (code == null || replyCode >= 500)) {
                code = replyCode;
                codeMessage = t.getMessage();
            }
            if (t instanceof AddressException) {
                badAddress = true;
            }
            if (t instanceof MailSendException send) {
                send.getFailedMessages().values().forEach(e -> push(todo, e));
            }
            if (t instanceof MessagingException messaging) {
                push(todo, messaging.getNextException());
            }
            push(todo, t.getCause());
        }
        if (code != null) {
            String reason = "SMTP " + code + ": " + oneLine(codeMessage);
            return new Verdict(code >= 500 && code < 600, reason);
        }
        if (badAddress) {
            return new Verdict(true, "invalid address");
        }
        if (contains(failure, AuthenticationFailedException.class)) {
            return new Verdict(false, "SMTP authentication failed");
        }
        return new Verdict(false, oneLine(rootMessage(failure)));
    }

    private static void push(Deque<Throwable> todo, Throwable t) {
        if (t != null) {
            todo.add(t);
        }
    }

    private static Integer replyCode(Throwable t) {
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        return null;
    }

    private static boolean contains(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 300);
    }
}
