package org.vidiverse.sample.template;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.vidiverse.api.moderation.ModerationPolicy;
import org.vidiverse.api.moderation.ModerationSubject;
import org.vidiverse.api.moderation.Verdict;
import org.vidiverse.api.plugin.PluginNames;

/**
 * A moderation policy, the smallest useful plugin: a Declarative Services component that registers a
 * {@link ModerationPolicy} service. The core finds it when the bundle starts and drops it when the bundle goes;
 * settings come from the PID {@value #PID} and apply at once through {@link #modified}.
 */
@Component(configurationPid = ShoutingTitlesPolicy.PID,
        property = {PluginNames.NAME_PROPERTY + "=shouting-titles", "service.ranking:Integer=50"})
@Designate(ocd = ShoutingTitlesConfig.class)
public final class ShoutingTitlesPolicy implements ModerationPolicy {
    public static final String PID = "org.vidiverse.sample.template";

    private record Rules(int maxCapitalsPercent, int minLetters, boolean reject) {
    }

    private volatile Rules rules;

    @Activate
    public ShoutingTitlesPolicy(ShoutingTitlesConfig config) {
        modified(config);
    }

    @Modified
    void modified(ShoutingTitlesConfig config) {
        rules = new Rules(Math.max(1, Math.min(100, config.maxCapitalsPercent())), Math.max(1, config.minLetters()),
                "reject".equals(config.action()));
    }

    @Override
    public String name() {
        return "shouting-titles";
    }

    /** Called by the core through its guard: answer fast (2 s at most), never block, throw nothing on purpose. */
    @Override
    public Verdict review(ModerationSubject subject) {
        Rules current = rules;
        String title = subject.title();
        if (title == null) {
            return Verdict.accept();
        }
        long letters = title.codePoints().filter(Character::isLetter).count();
        long capitals = title.codePoints().filter(Character::isUpperCase).count();
        if (letters < current.minLetters() || capitals * 100 < letters * current.maxCapitalsPercent()) {
            return Verdict.accept();
        }
        String reason = "the title is shouted (" + capitals + " of " + letters + " letters are capitals)";
        return current.reject() ? Verdict.reject(reason) : Verdict.hold(reason);
    }
}
