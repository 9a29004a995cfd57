//! Rendering results for people and for scripts. Each output lives in its own module.

pub mod numbers;
