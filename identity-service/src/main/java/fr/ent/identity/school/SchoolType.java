package fr.ent.identity.school;

/** Kinds of secondary schools (établissements). */
public enum SchoolType {
    COLLEGE, LYCEE, LYCEE_PROFESSIONNEL, LYCEE_POLYVALENT, EREA, OTHER
}
