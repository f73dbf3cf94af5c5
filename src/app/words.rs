//! The interface texts, for the views (kept in the domain: see `model::words`).

pub use crate::model::words::{install, tr, trf, trn};
