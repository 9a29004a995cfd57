//! `notice`: findings about the reading itself, not the arithmetic (a sentence too crowded to
//! read, a figure out of range, a suppression that suppressed nothing). The engine raises them
//! where it meets them, under the codes of `rules::notice_codes`; as rule files they get a
//! code, a severity users can change, and `hedui explain`.

use super::NoParams;
use crate::claim::Facts;
use crate::rules::{Finding, RuleKind};

#[derive(Debug)]
pub struct Notice;

impl Notice {
    pub fn new(_: NoParams) -> Self {
        Notice
    }
}

impl RuleKind for Notice {
    fn check(&self, _: &Facts) -> Vec<Finding> {
        Vec::new()
    }
}
