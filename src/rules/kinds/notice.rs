//! `notice`: findings about the reading itself, not the arithmetic (a sentence too crowded to
//! read, a figure out of range, a suppression that suppressed nothing). The engine raises them
//! where it meets them, under the codes of `rules::notice_codes`; as rule files they get a
//! code, a severity users can change, and `hedui explain`.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::claim::Facts;
use crate::rules::{Finding, RuleKind};

#[derive(Debug)]
pub struct Notice;

/// Parameters of the notices: only `prior-growth-mismatch` has one.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeParams {
    /// The largest revision of last year's figure, in percent, that revised data is taken to
    /// explain (a number, `3` or `2.5`).
    #[serde(default)]
    revision_percent: Option<toml::Value>,
}

impl NoticeParams {
    /// The revision bound, checked: a number from 0 to 100.
    pub fn revision_percent(&self) -> Result<Option<Decimal>, String> {
        let Some(v) = &self.revision_percent else {
            return Ok(None);
        };
        let text = match v {
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Float(f) => f.to_string(),
            toml::Value::String(s) => s.clone(),
            other => return Err(format!("revision_percent: a number, not `{other}`")),
        };
        match Decimal::from_str(&text) {
            Ok(d) if d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED => Ok(Some(d)),
            _ => Err(format!(
                "revision_percent: a number from 0 to 100, not `{text}`"
            )),
        }
    }
}

/// The revision bound a rule file's parameters give, when they give a valid one.
pub fn revision_percent(params: &toml::Table) -> Option<Decimal> {
    super::params_of::<NoticeParams>(params)
        .ok()?
        .revision_percent()
        .ok()?
}

impl Notice {
    pub fn new(params: NoticeParams) -> Result<Self, String> {
        params.revision_percent()?;
        Ok(Notice)
    }
}

impl RuleKind for Notice {
    fn check(&self, _: &Facts) -> Vec<Finding> {
        Vec::new()
    }
}
