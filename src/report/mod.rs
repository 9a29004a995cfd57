//! Rendering results for people and for scripts. Diagnostics are built once
//! ([`diagnostic`]); each output format lives in its own module.

pub mod claims;
pub mod diagnostic;
pub mod human;
pub mod json;
pub mod numbers;
