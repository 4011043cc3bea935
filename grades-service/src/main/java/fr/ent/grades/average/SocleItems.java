package fr.ent.grades.average;

import java.util.LinkedHashMap;
import java.util.Map;

/** The eight components of the socle commun (cycle 4) an assessment may rate, by code. */
public final class SocleItems {

    public static final Map<String, String> ALL;

    static {
        Map<String, String> items = new LinkedHashMap<>();
        items.put("D1.1", "Comprendre, s'exprimer en utilisant la langue française à l'oral et à l'écrit");
        items.put("D1.2", "Comprendre, s'exprimer en utilisant une langue étrangère et, le cas échéant, une langue régionale");
        items.put("D1.3", "Comprendre, s'exprimer en utilisant les langages mathématiques, scientifiques et informatiques");
        items.put("D1.4", "Comprendre, s'exprimer en utilisant les langages des arts et du corps");
        items.put("D2", "Les méthodes et outils pour apprendre");
        items.put("D3", "La formation de la personne et du citoyen");
        items.put("D4", "Les systèmes naturels et les systèmes techniques");
        items.put("D5", "Les représentations du monde et l'activité humaine");
        ALL = Map.copyOf(items);
    }

    private SocleItems() {
    }

    public static boolean isItem(String code) {
        return code != null && ALL.containsKey(code);
    }
}
