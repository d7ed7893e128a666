//! The partner API contract (see `../../shared/PARTNER_API.md` and `docs/contracts/`).
//!
//! Everything here is plain data and pure functions so it compiles for the browser app,
//! the sandbox server and native tests alike.

pub mod accounts;
pub mod acting;
pub mod association;
pub mod auth;
pub mod codes;
pub mod coupons;
pub mod coupons_by_quota;
pub mod csv;
pub mod customer_id;
pub mod customers;
pub mod day_input;
pub mod endpoint;
pub mod endpoints;
pub mod error;
pub mod home;
pub mod incentives;
pub mod invoices;
pub mod issuance;
pub mod koogallery;
pub mod money;
pub mod number_range;
pub mod opportunities;
pub mod orders;
pub mod page;
pub mod payment;
pub mod profile;
pub mod programmes;
pub mod projects;
pub mod query;
pub mod quota_duplicates;
pub mod quota_issue;
pub mod quotas;
pub mod resellers;
pub mod sheet;
pub mod time;
pub mod validate;
pub mod whitelist;
pub mod whitelist_calls;
pub mod whitelist_file;
pub mod whitelist_headers;
pub mod whitelist_problems;
pub mod whitelist_read;
pub mod whitelist_resolve;
pub mod whitelist_template;

pub use error::{ApiError, ErrorKind};
pub use money::Amount;
pub use page::PageRequest;
