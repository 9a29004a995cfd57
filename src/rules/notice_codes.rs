//! The codes of the engine's own notices (rule kind `notice`). `check` and `prior` raise them;
//! they are defined here, below both, because the rule engine reserves the kind for them.

/// The advice that a sentence had too many figures to be read for claims.
pub const TOO_MANY_FIGURES: &str = "too-many-figures";

/// The warning that a figure was too large or too fine to compute with.
pub const FIGURE_OUT_OF_RANGE: &str = "figure-out-of-range";

/// The finding that reports a directive that suppressed nothing.
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";

/// A year-on-year change that disagrees with last year's report.
pub const PRIOR_GROWTH_MISMATCH: &str = "prior-growth-mismatch";

/// Last year's figure restated otherwise than last year's report has it.
pub const PRIOR_RESTATEMENT_MISMATCH: &str = "prior-restatement-mismatch";

/// A file that could not be read (`check` reports it as a finding).
pub const IO_ERROR: &str = crate::source::IO_ERROR;

/// A file that is no text hedui reads (a .doc, a PDF, Big5 text).
pub const DECODE_ERROR: &str = crate::source::DECODE_ERROR;

/// A panic while checking a file.
pub const INTERNAL_ERROR: &str = "internal-error";

/// The codes of files that could not be checked: raised by `check` outside the rules, never
/// turned off, and without fixtures (no text raises them).
pub const INPUT_CODES: &[&str] = &[IO_ERROR, DECODE_ERROR, INTERNAL_ERROR];

/// Every code the engine raises: the only ids a rule file of kind `notice` may have.
pub const CODES: &[&str] = &[
    FIGURE_OUT_OF_RANGE,
    TOO_MANY_FIGURES,
    UNUSED_SUPPRESSION,
    PRIOR_GROWTH_MISMATCH,
    PRIOR_RESTATEMENT_MISMATCH,
    IO_ERROR,
    DECODE_ERROR,
    INTERNAL_ERROR,
];
