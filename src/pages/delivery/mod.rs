//! 交付 / Delivery: one folder per page (`<page>/mod.rs` is the page, siblings are its parts).

pub mod project_accept;
pub mod projects;
