//! 权益 / Benefits: one folder per page (`<page>/mod.rs` is the page, siblings are its parts).

pub mod incentive_detail;
pub mod incentives;
pub mod quarterly_payment;
