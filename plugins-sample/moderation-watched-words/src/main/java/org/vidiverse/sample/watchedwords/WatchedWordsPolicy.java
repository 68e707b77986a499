package org.vidiverse.sample.watchedwords;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.vidiverse.api.moderation.ModerationPolicy;
import org.vidiverse.api.moderation.ModerationSubject;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.plugin.PluginNames;

/**
 * Refuses (or holds for review) content whose title or text contains a watched word. Words match whole, ignoring
 * case, so "ass" does not catch "class". Settings: PID {@value #PID}, changeable at runtime.
 */
@Component(configurationPid = WatchedWordsPolicy.PID,
        property = {PluginNames.NAME_PROPERTY + "=watched-words", "service.ranking:Integer=100"})
@Designate(ocd = WatchedWordsConfig.class)
public final class WatchedWordsPolicy implements ModerationPolicy {
    public static final String PID = "org.vidiverse.sample.watchedwords";

    private record Rules(List<Pattern> patterns, boolean hold) {
    }

    private volatile Rules rules;

    @Activate
    public WatchedWordsPolicy(WatchedWordsConfig config) {
        modified(config);
    }

    @Modified
    void modified(WatchedWordsConfig config) {
        List<Pattern> patterns = Arrays.stream(config.words())
                .flatMap(entry -> Arrays.stream(entry.split(",")))
                .map(String::trim).filter(word -> !word.isEmpty())
                .map(word -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
        rules = new Rules(patterns, "hold".equals(config.action().trim().toLowerCase(Locale.ROOT)));
    }

    @Override
    public String name() {
        return "watched-words";
    }

    @Override
    public Verdict review(ModerationSubject subject) {
        Rules current = rules;
        Optional<String> found = firstMatch(current, subject.title())
                .or(() -> firstMatch(current, subject.text()))
                .or(() -> subject.tags().stream().map(tag -> firstMatch(current, tag)).flatMap(Optional::stream).findFirst());
        if (found.isEmpty()) {
            return Verdict.accept();
        }
        String reason = "contains the watched word \"" + found.get() + "\"";
        return current.hold() ? Verdict.hold(reason) : Verdict.reject(reason);
    }

    private static Optional<String> firstMatch(Rules rules, String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return rules.patterns().stream().map(p -> p.matcher(text)).filter(java.util.regex.Matcher::find)
                .map(m -> m.group()).findFirst();
    }
}
