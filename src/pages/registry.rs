//! The page registry: one line per page — its URL (`routes::paths`), area, place in the
//! navigation, who may open it, and its view. Everything else is derived from it: the routes
//! (app.rs), the side navigation and the overview's quick links (by area, hiding what the person
//! may not open), the access rule applied at the route (routes/view.rs), the lazy split
//! (lazy.rs) and the route directories the build writes (xtask reads `routes/paths.rs`).
//!
//! Adding a page: a path in routes/paths.rs, its folder under `pages/<area>/<page>/`, one line here.

use super::lazy::lazy;
use crate::i18n::Msg;
use crate::routes::access::Access;
use crate::routes::page::{Area::*, Page, PageView};
use crate::routes::paths as p;
use leptos::prelude::*;
use partner_api::profile::partner_type::{DISTRIBUTOR, RESELLER, SERVICE_PARTNER};
use partner_api::profile::role::{ADMIN, SUPERVISOR};

/// Vouchers and cash coupons: not for service partners (their API answers 403).
const VOUCHER_PARTNERS: Access =
    Access::partners(&[DISTRIBUTOR, RESELLER], Msg::VoNotForServicePartner, "not-for-service-partner");
/// Voucher quotas: not for service partners.
const QUOTA_PARTNERS: Access = Access::partners(&[DISTRIBUTOR, RESELLER], Msg::QtNotAvailable, "not-available-reason");
/// The customer whitelist: distributors and resellers; service partners have none.
const WHITELIST_PARTNERS: Access = Access::partners(&[DISTRIBUTOR, RESELLER], Msg::WlNotAvailable, "wl-not-available");
/// Importing a whitelist: their administrators and supervisors (account managers read).
const WHITELIST_MANAGERS: Access =
    Access::partners(&[DISTRIBUTOR, RESELLER], Msg::WlReadOnly, "wl-import-not-allowed").roles(&[ADMIN, SUPERVISOR]);
/// B3/B4 incentives: service partners' admins and supervisors (account managers see none).
const INCENTIVE_READERS: Access =
    Access::partners(&[SERVICE_PARTNER], Msg::InNotAvailable, "incentives-not-available").roles(&[ADMIN, SUPERVISOR]);
const ALL: Access = Access::EVERYONE;
/// S10 balance payment: tier-1 distributors, every role (an account manager pays for their own
/// customers: assume_role refuses the others).
const PAYING_PARTNERS: Access = Access::partners(&[DISTRIBUTOR], Msg::PayNotForPartner, "pay-not-available");
/// S11 customer funds: tier-1 distributors (the seed lists 为客户调账 under 华为云总经销商), every
/// role (an account manager only reaches their own customers: the API refuses the others).
const FUNDING_PARTNERS: Access = Access::partners(&[DISTRIBUTOR], Msg::FdNotForPartner, "funds-not-available");
/// S12 KooGallery pricing: distributors and resellers, every role (each reprices the orders of
/// the customers they see); the page itself tells a partner that is not 严选 why (the
/// selection endpoint), service partners are told here.
const KOOGALLERY_PARTNERS: Access =
    Access::partners(&[DISTRIBUTOR, RESELLER], Msg::KgNotForPartner, "koogallery-not-available");
/// B5 invoices pay service-partner programme incentives; others are told so.
const INVOICE_PARTNERS: Access = Access::partners(&[SERVICE_PARTNER], Msg::IvPrerequisite, "invoices-prerequisite");
/// B2's form: who may apply (`partner_api::programmes::may_apply`).
/// D1 delivery projects: service partners, every role (each sees the projects assigned to them).
const DELIVERY_PARTNERS: Access = Access::partners(&[SERVICE_PARTNER], Msg::PjNotForPartner, "projects-not-available");
const APPLICANTS: Access = Access::partners(&[], Msg::PgReadOnlyRole, "apply-not-allowed").roles(&[ADMIN, SUPERVISOR]);

/// The pages inside the signed-in frame, in matching order (a path before its `:param` sibling
/// as today; the Not Found catch-all last). Sign-in is outside the frame (app.rs).
pub const PAGES: &[Page] = &[
    Page::new(p::HOME, Home, ALL, PageView::Eager(home)).nav(Msg::NavOverview, "nav-home"),
    Page::new(p::CUSTOMERS, Sales, ALL, lazy!(Customers => super::sales::customers::CustomersPage))
        .nav(Msg::CustomersAndOpportunities, "nav-customers")
        .first_request(super::sales::customers::first_request),
    Page::new(
        p::CUSTOMER_DETAIL,
        Sales,
        ALL,
        lazy!(CustomerDetail => super::sales::customer_detail::CustomerDetailPage),
    )
    .title(Msg::CustomerDetail),
    Page::new(p::ORDERS, Sales, ALL, lazy!(Orders => super::sales::orders::OrdersPage))
        .nav(Msg::NavOrders, "nav-orders")
        .first_request(super::sales::orders::first_request),
    Page::new(p::ORDERS_PAY_PER_USE, Sales, ALL, lazy!(PayPerUse => super::sales::pay_per_use::PayPerUsePage))
        .title(Msg::OrdersTabPayPerUse)
        .first_request(super::sales::pay_per_use::first_request),
    Page::new(p::ORDER_DETAIL, Sales, ALL, lazy!(OrderDetail => super::sales::order_detail::OrderDetailPage))
        .title(Msg::OrderDetail),
    Page::new(p::WHITELIST, Sales, WHITELIST_PARTNERS, lazy!(Whitelist => super::sales::whitelist::WhitelistPage))
        .nav(Msg::CustomerWhitelist, "nav-whitelist"),
    Page::new(
        p::WHITELIST_IMPORT,
        Sales,
        WHITELIST_MANAGERS,
        lazy!(WhitelistImport => super::sales::whitelist_import::WhitelistImportPage),
    )
    .title(Msg::WlImportTitle),
    Page::new(
        p::ISSUE_VOUCHERS,
        Sales,
        VOUCHER_PARTNERS,
        lazy!(IssueVouchers => super::sales::issue_vouchers::IssueVouchersPage),
    )
    .nav(Msg::IssueVouchers, "nav-issue-vouchers"),
    Page::new(p::VOUCHERS, Sales, VOUCHER_PARTNERS, lazy!(Vouchers => super::sales::vouchers::VouchersPage))
        .nav(Msg::ReclaimVouchers, "nav-vouchers")
        .first_request(super::sales::vouchers::first_request),
    Page::new(p::QUOTAS, Sales, QUOTA_PARTNERS, lazy!(Quotas => super::sales::quotas::QuotasPage))
        .nav(Msg::VoucherQuotas, "nav-quotas"),
    Page::new(
        p::QUOTA_RECORDS,
        Sales,
        QUOTA_PARTNERS,
        lazy!(QuotaRecords => super::sales::quota_records::QuotaRecordsPage),
    )
    .title(Msg::QtRecords),
    Page::new(
        p::BALANCE_PAYMENT,
        Sales,
        PAYING_PARTNERS,
        lazy!(BalancePayment => super::sales::balance_payment::BalancePaymentPage),
    )
    .nav(Msg::PayNav, "nav-balance-payment"),
    Page::new(p::BALANCE_PAYMENT_PAY, Sales, PAYING_PARTNERS, lazy!(PayOrder => super::sales::pay_order::PayOrderPage))
        .title(Msg::PayTitle),
    Page::new(
        p::CUSTOMER_FUNDS,
        Sales,
        FUNDING_PARTNERS,
        lazy!(CustomerFunds => super::sales::customer_funds::CustomerFundsPage),
    )
    .nav(Msg::FdNav, "nav-customer-funds"),
    Page::new(
        p::CUSTOMER_FUNDS_RECORDS,
        Sales,
        FUNDING_PARTNERS,
        lazy!(FundsRecords => super::sales::funds_records::FundsRecordsPage),
    )
    .title(Msg::FdTabRecords),
    Page::new(
        p::CUSTOMER_FUNDS_CHANGES,
        Sales,
        FUNDING_PARTNERS,
        lazy!(FundsChanges => super::sales::funds_changes::FundsChangesPage),
    )
    .title(Msg::FdTabChanges),
    Page::new(
        p::CUSTOMER_FUNDS_BATCH,
        Sales,
        FUNDING_PARTNERS,
        lazy!(FundsBatch => super::sales::funds_batch::FundsBatchPage),
    )
    .title(Msg::FdTabBatch),
    Page::new(p::KOOGALLERY, Sales, KOOGALLERY_PARTNERS, lazy!(KooGallery => super::sales::koogallery::KooGalleryPage))
        .nav(Msg::KgNav, "nav-koogallery"),
    Page::new(
        p::KOOGALLERY_RECORDS,
        Sales,
        KOOGALLERY_PARTNERS,
        lazy!(KooGalleryRecords => super::sales::koogallery_records::KooGalleryRecordsPage),
    )
    .title(Msg::KgTabRecords),
    Page::new(
        p::ASSOCIATION_EVENTS,
        Sales,
        ALL,
        lazy!(AssociationEvents => super::sales::association_events::AssociationEventsPage),
    )
    .nav(Msg::AeTitle, "nav-association-events"),
    Page::new(
        p::INCENTIVES,
        Benefits,
        INCENTIVE_READERS,
        lazy!(Incentives => super::benefits::incentives::IncentivesPage),
    )
    .nav(Msg::InTitle, "nav-incentives"),
    Page::new(
        p::INCENTIVE_DETAIL,
        Benefits,
        INCENTIVE_READERS,
        lazy!(IncentiveDetail => super::benefits::incentive_detail::IncentiveDetailPage),
    )
    .title(Msg::InDetailTitle),
    Page::new(
        p::QUARTERLY_PAYMENT,
        Benefits,
        INCENTIVE_READERS,
        lazy!(QuarterlyPayment => super::benefits::quarterly_payment::QuarterlyPaymentPage),
    )
    .nav(Msg::InNavPayment, "nav-quarterly-payment"),
    // B1, B2 and B5: the programme pages show non-members the prerequisite themselves.
    Page::new(p::BENEFITS_FH, Benefits, ALL, lazy!(Fh => super::benefits::fh::FhPage)).nav(Msg::PgNavFh, "nav-fh"),
    Page::new(p::BENEFITS_CAPABILITY, Benefits, ALL, lazy!(Capability => super::benefits::capability::CapabilityPage))
        .nav(Msg::PgNavCapability, "nav-capability"),
    Page::new(
        p::BENEFITS_CAPABILITY_APPLY,
        Benefits,
        APPLICANTS,
        lazy!(CapabilityApply => super::benefits::capability_apply::CapabilityApplyPage),
    )
    .title(Msg::PgFormTitle),
    Page::new(
        p::BENEFITS_INVOICES,
        Benefits,
        INVOICE_PARTNERS,
        lazy!(Invoices => super::benefits::invoices::InvoicesPage),
    )
    .nav(Msg::IvNav, "nav-invoices"),
    Page::new(
        p::DELIVERY_PROJECTS,
        Delivery,
        DELIVERY_PARTNERS,
        lazy!(Projects => super::delivery::projects::ProjectsPage),
    )
    .nav(Msg::PjNav, "nav-projects"),
    Page::new(
        p::DELIVERY_PROJECT_ACCEPT,
        Delivery,
        DELIVERY_PARTNERS,
        lazy!(ProjectAccept => super::delivery::project_accept::ProjectAcceptPage),
    )
    .title(Msg::PjApply),
    // Development only: Not Found in a release build unless config.json sets `dev_pages`.
    Page::new(p::TABLE_DEMO, Home, ALL, lazy!(TableDemo => super::dev::table_demo::TableDemoPage))
        .title(Msg::DevTableTitle)
        .dev(),
    Page::new(p::NOT_FOUND, Home, ALL, PageView::Eager(not_found)).title(Msg::NotFoundTitle),
];

fn home() -> AnyView {
    view! { <super::home::overview::Overview /> }.into_any()
}

fn not_found() -> AnyView {
    view! { <super::not_found::NotFound /> }.into_any()
}

// Checked at compile time (so by every clippy run, at no cost): every path of routes/paths.rs
// but sign-in has exactly one page, every page has a name, and navigation test ids are unique.
const _: () = {
    const fn same(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }
    const PATHS: &[&str] = p::ALL;
    const fn test_id(page: &Page) -> &'static str {
        match page.nav {
            Some(n) => n.test_id,
            None => "",
        }
    }
    let mut i = 0;
    while i < PATHS.len() {
        let mut pages = 0;
        let mut j = 0;
        while j < PAGES.len() {
            if same(PAGES[j].path, PATHS[i]) {
                pages += 1;
            }
            j += 1;
        }
        assert!(pages == 1 || (same(PATHS[i], p::SIGN_IN) && pages == 0), "every path has exactly one registry page");
        i += 1;
    }
    let mut k = 0;
    while k < PAGES.len() {
        assert!(PAGES[k].title.is_some() || PAGES[k].nav.is_some(), "every page has a name (its title)");
        k += 1;
    }
    let mut a = 0;
    while a < PAGES.len() {
        let mut b = a + 1;
        while b < PAGES.len() {
            let (x, y) = (test_id(&PAGES[a]), test_id(&PAGES[b]));
            assert!(x.is_empty() || !same(x, y), "navigation test ids are unique");
            b += 1;
        }
        a += 1;
    }
};
