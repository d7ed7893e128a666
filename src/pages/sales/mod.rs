//! 销售 / Sales: one folder per page (`<page>/mod.rs` is the page, siblings are its parts).

pub mod association_events;
pub mod balance_payment;
pub mod customer_detail;
pub mod customer_funds;
pub mod customers;
pub mod funds_batch;
pub mod funds_changes;
pub mod funds_records;
pub mod issue_vouchers;
pub mod koogallery;
pub mod koogallery_records;
pub mod order_detail;
pub mod orders;
pub mod pay_order;
pub mod pay_per_use;
pub mod quota_records;
pub mod quotas;
pub mod vouchers;
pub mod whitelist;
pub mod whitelist_import;
