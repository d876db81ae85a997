package se.rjh.tidplan.model;

/** The five processes of the Tidplan, one column each (P, B, I, IK, U). */
public enum Process {
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
