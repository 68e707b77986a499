package org.vidiverse.platform.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.vidiverse.api.plugin.PluginSetting;

/** A plugin's settings as its metatype declares them: every attribute of every (singleton) PID of its bundle. */
final class SettingsCatalog {
    private SettingsCatalog() {
    }

    static List<String> pids(MetaTypeService metatype, Bundle bundle) {
        MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
        if (info == null || info.getPids() == null) {
            return List.of();
        }
        return Arrays.stream(info.getPids()).sorted().toList();
    }

    static List<String> pids(MetaTypeService metatype, List<Bundle> bundles) {
        return bundles.stream().flatMap(b -> pids(metatype, b).stream()).distinct().sorted().toList();
    }

    /** The settings of a plugin made of {@code bundles} (one, or the bundles of a feature). */
    static List<PluginSetting> of(MetaTypeService metatype, List<Bundle> bundles) {
        int pidCount = pids(metatype, bundles).size();
        List<PluginSetting> settings = new ArrayList<>();
        for (Bundle bundle : bundles) {
            settings.addAll(of(metatype, bundle, pidCount));
        }
        return settings;
    }

    private static List<PluginSetting> of(MetaTypeService metatype, Bundle bundle, int pidCount) {
        MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
        List<String> pids = pids(metatype, bundle);
        List<PluginSetting> settings = new ArrayList<>();
        for (String pid : pids) {
            ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
            AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
            AttributeDefinition[] required = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
            Set<String> requiredIds = required == null ? Set.of()
                    : Arrays.stream(required).map(AttributeDefinition::getID).collect(Collectors.toSet());
            for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
                String key = pidCount == 1 ? ad.getID() : pid + "/" + ad.getID();
                settings.add(new PluginSetting(key, pid, ad.getID(), ad.getName(), ad.getDescription(),
                        type(ad.getType()), ad.getCardinality() != 0, requiredIds.contains(ad.getID()),
                        ad.getDefaultValue() == null ? List.of() : List.of(ad.getDefaultValue()), options(ad)));
            }
        }
        return settings;
    }

    private static List<PluginSetting.Option> options(AttributeDefinition ad) {
        String[] values = ad.getOptionValues();
        String[] labels = ad.getOptionLabels();
        if (values == null) {
            return List.of();
        }
        List<PluginSetting.Option> options = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            options.add(new PluginSetting.Option(values[i], labels != null && i < labels.length ? labels[i] : values[i]));
        }
        return options;
    }

    @SuppressWarnings("deprecation")
    static PluginSetting.Type type(int metatype) {
        return switch (metatype) {
            case AttributeDefinition.PASSWORD -> PluginSetting.Type.PASSWORD;
            case AttributeDefinition.BOOLEAN -> PluginSetting.Type.BOOLEAN;
            case AttributeDefinition.INTEGER -> PluginSetting.Type.INTEGER;
            case AttributeDefinition.LONG, AttributeDefinition.BIGINTEGER -> PluginSetting.Type.LONG;
            case AttributeDefinition.SHORT -> PluginSetting.Type.SHORT;
            case AttributeDefinition.BYTE -> PluginSetting.Type.BYTE;
            case AttributeDefinition.CHARACTER -> PluginSetting.Type.CHARACTER;
            case AttributeDefinition.DOUBLE, AttributeDefinition.BIGDECIMAL -> PluginSetting.Type.DOUBLE;
            case AttributeDefinition.FLOAT -> PluginSetting.Type.FLOAT;
            default -> PluginSetting.Type.STRING;
        };
    }
}
