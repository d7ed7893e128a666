//! 权益 / Benefits: one folder per page (`<page>/mod.rs` is the page, siblings are its parts).

pub mod capability;
pub mod capability_apply;
pub mod fh;
pub mod incentive_detail;
pub mod incentives;
pub mod invoices;
pub mod quarterly_payment;
