package fr.ent.events.contract.identity;

/** A class (division: every pupil is in exactly one at a time) or a group (options, half-classes). */
public enum GroupKind {
    CLASS, GROUP
}
