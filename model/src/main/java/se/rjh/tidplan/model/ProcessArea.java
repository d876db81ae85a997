package se.rjh.tidplan.model;

/** The five process areas of the Tidplan (processerna), one column each (P, B, I, IK, U). */
public enum ProcessArea {
    /** Planering. */
    P,
    /** Budget. */
    B,
    /** Investering. */
    I,
    /** Intern kontroll. */
    IK,
    /** Uppföljning. */
    U
}
