//! Shared UI: the shell around every page, the table, filters, notices and dialogs.

pub mod acting_bar;
pub mod codes;
pub mod error_notice;
pub mod filters;
pub mod incentive_labels;
pub mod list_page;
pub mod modal_keys;
pub mod orders_tabs;
pub mod pager;
pub mod partner_gate;
pub mod programme_gate;
pub mod programme_labels;
pub mod project_labels;
pub mod quota_labels;
pub mod reauth_dialog;
pub mod reclaim;
pub mod remote;
pub mod session_warning;
pub mod shell;
pub mod side_nav;
pub mod sign_in_form;
pub mod site_banner;
pub mod table;
pub mod top_bar;
pub mod version_notice;
pub mod whitelist_kit;
