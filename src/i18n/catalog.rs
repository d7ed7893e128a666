//! Every text of the app, by area: one file per area beside this one, each with its
//! `texts!` (and `templates!`). The zh-CN texts follow the console's own labels
//! (../shared/FEATURES.md). Leptos-free, so xtask's native tests read it as it is (`#[path]`)
//! and check it (no text declared twice, no placeholder in a plain text). The `#[path]`s
//! keep the files beside this one however this module is loaded.
//!
//! A new area takes three lines, each in alphabetical order: its `mod`, its `pub use` and
//! its lists in `AREAS` / `TEMPLATES`.

// Every area is re-exported alike, though one with only plain texts exports nothing used
// (its texts are `Msg`'s constants).
#![allow(unused_imports)]

#[path = "text.rs"]
mod text;

#[path = "association.rs"]
mod association;
#[path = "common.rs"]
mod common;
#[path = "customers.rs"]
mod customers;
#[path = "dev.rs"]
mod dev;
#[path = "errors.rs"]
mod errors;
#[path = "funds.rs"]
mod funds;
#[path = "funds_batch.rs"]
mod funds_batch;
#[path = "home.rs"]
mod home;
#[path = "incentives.rs"]
mod incentives;
#[path = "koogallery.rs"]
mod koogallery;
#[path = "orders.rs"]
mod orders;
#[path = "payment.rs"]
mod payment;
#[path = "programmes.rs"]
mod programmes;
#[path = "projects.rs"]
mod projects;
#[path = "quotas.rs"]
mod quotas;
#[path = "sales.rs"]
mod sales;
#[path = "shell.rs"]
mod shell;
#[path = "table.rs"]
mod table;
#[path = "vouchers.rs"]
mod vouchers;
#[path = "whitelist.rs"]
mod whitelist;
#[path = "whitelist_files.rs"]
mod whitelist_files;

pub use association::*;
pub use common::*;
pub use customers::*;
pub use dev::*;
pub use errors::{error_text, ERROR_TEXTS};
pub use funds::*;
pub use funds_batch::*;
pub use home::*;
pub use incentives::*;
pub use koogallery::*;
pub use orders::*;
pub use payment::*;
pub use programmes::*;
pub use projects::*;
pub use quotas::*;
pub use sales::*;
pub use shell::*;
pub use table::*;
pub use text::{is_one, CountText, Locale, Msg};
pub use vouchers::*;
pub use whitelist::*;
pub use whitelist_files::*;

/// Each area's plain texts (name, text), for the catalog checks.
#[allow(dead_code)]
pub const AREAS: &[&[(&str, Msg)]] = &[
    association::ASSOCIATION_TEXTS,
    common::COMMON,
    customers::CUSTOMERS,
    dev::DEV,
    incentives::INCENTIVE_TEXTS,
    koogallery::KOOGALLERY_TEXTS,
    orders::ORDERS,
    funds::FUNDS_TEXTS,
    funds_batch::FUNDS_BATCH_TEXTS,
    payment::PAYMENT_TEXTS,
    programmes::PROGRAMME_TEXTS,
    projects::PROJECT_TEXTS,
    quotas::QUOTAS,
    sales::SALES,
    shell::SHELL,
    table::TABLE,
    vouchers::VOUCHERS,
    whitelist::WHITELIST,
    whitelist_files::WHITELIST_FILES,
    home::HOME,
];

/// Each area's templates (name, both texts with their placeholders), for the same checks.
#[allow(dead_code)]
pub const TEMPLATES: &[&[(&str, Msg)]] = &[
    customers::CUSTOMERS_TEMPLATES,
    dev::DEV_TEMPLATES,
    koogallery::KOOGALLERY_TEMPLATES,
    orders::ORDERS_TEMPLATES,
    funds::FUNDS_TEMPLATES,
    funds_batch::FUNDS_BATCH_TEMPLATES,
    payment::PAYMENT_TEMPLATES,
    projects::PROJECT_TEMPLATES,
    quotas::QUOTAS_TEMPLATES,
    table::TABLE_TEMPLATES,
    vouchers::VOUCHERS_TEMPLATES,
    whitelist::WHITELIST_TEMPLATES,
    whitelist_files::WHITELIST_FILES_TEMPLATES,
    home::HOME_TEMPLATES,
];
