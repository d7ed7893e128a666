//! The sandbox's state: seeded, read-only partner data plus the little that changes at run
//! time (sessions, token lifetime, fault settings).

use crate::faults::Faults;
use partner_api::time::Instant;
use partner_api::Amount;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

/// Index into [`Data::partners`].
pub type PartnerIx = usize;
/// Index into [`Data::users`].
pub type UserIx = usize;
/// Index into [`Data::customers`]; u32 keeps the per-request index vectors small.
pub type CustomerIx = u32;

#[derive(Debug, Clone)]
pub struct Partner {
    pub id: String,
    /// The partner's login (IAM account / domain) name.
    pub account: String,
    pub name: String,
    /// One of `partner_api::profile::partner_type`.
    pub partner_type: &'static str,
    pub site: &'static str,
    /// The distributor a reseller belongs to.
    pub parent: Option<PartnerIx>,
    pub resellers: Vec<PartnerIx>,
    pub users: Vec<UserIx>,
    /// Direct customers, in C1 order (associated_on desc, then customer_id).
    pub customers: Vec<CustomerIx>,
    /// The partner platform id that C1 reports as `xaccount_type`.
    pub xaccount_type: String,
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub partner: PartnerIx,
    /// IAM user name, e.g. `zhang.wei`.
    pub name: String,
    pub display_name: String,
    /// One of `partner_api::profile::role`.
    pub role: &'static str,
    pub password: String,
    pub supervisor: Option<UserIx>,
    /// Customers assigned to this account manager, in C1 order.
    pub customers: Vec<CustomerIx>,
}

#[derive(Debug, Clone)]
pub struct Opp {
    pub id: String,
    pub name: &'static str,
    pub opportunity_type: &'static str,
    pub confidence: &'static str,
    pub stage: &'static str,
    pub expected_monthly_revenue: Amount,
    pub created_time: Instant,
    pub last_update_time: Instant,
}

#[derive(Debug, Clone)]
pub struct Customer {
    pub id: String,
    pub account_name: String,
    /// Lower-cased copies for case-insensitive fuzzy search without per-request allocation.
    pub account_name_lc: String,
    pub customer: String,
    pub customer_lc: String,
    pub associated_on: Instant,
    pub association_type: &'static str,
    pub label: Option<&'static str>,
    pub telephone: String,
    pub country_code: &'static str,
    pub email: String,
    pub verified_status: &'static str,
    pub customer_type: i32,
    pub is_frozen: i32,
    pub customer_level: &'static str,
    pub xaccount_id: String,
    pub industry: &'static str,
    /// The partner the customer is associated with (a reseller for indirect customers).
    pub partner: PartnerIx,
    pub account_manager: Option<UserIx>,
    /// Newest `last_update_time` first; the first one is the "current" opportunity.
    pub opportunities: Vec<Opp>,
}

impl Customer {
    pub fn current(&self) -> Option<&Opp> {
        self.opportunities.first()
    }
}

/// Everything seeded; never changes after start.
#[derive(Debug, Default)]
pub struct Data {
    pub partners: Vec<Partner>,
    pub users: Vec<User>,
    pub customers: Vec<Customer>,
    pub customer_by_id: HashMap<String, CustomerIx>,
    /// Compact order rows and their id index; details are rebuilt per customer on demand.
    pub orders: crate::seed_orders::OrderIndex,
}

impl Data {
    pub fn customer(&self, ix: CustomerIx) -> &Customer {
        &self.customers[ix as usize]
    }

    pub fn partner_by_account(&self, account: &str) -> Option<PartnerIx> {
        self.partners.iter().position(|p| p.account == account)
    }

    pub fn partner_by_id(&self, id: &str) -> Option<PartnerIx> {
        self.partners.iter().position(|p| p.id == id)
    }

    pub fn user_in(&self, partner: PartnerIx, name: &str) -> Option<UserIx> {
        self.partners[partner].users.iter().copied().find(|&u| self.users[u].name == name)
    }
}

/// A signed-in token.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: UserIx,
    pub expires_at: Instant,
    /// A customer token (assume_role, acting.rs): the customer it acts for. `None` for the
    /// partner person's own token.
    pub customer: Option<CustomerIx>,
}

pub struct Inner {
    pub data: Data,
    pub seed: u64,
    pub sessions: Mutex<HashMap<String, Session>>,
    pub token_ttl_secs: AtomicI64,
    pub faults: Faults,
    /// Requests received per method and path (`/__sandbox/requests`).
    pub requests: crate::counter::RequestCounter,
    /// Exact `Origin` values allowed to call the API from a browser.
    pub allowed_origins: Vec<String>,
    /// Quotas, coupons, their records and the whitelists (changed by V2/V4/Q1/Q2 and imports).
    pub vouchers: crate::vouchers::Vouchers,
    /// R2/A1–A5 customer funds and O7 balance payment: partners' and customers' accounts.
    pub accounts: crate::accounts::Accounts,
    /// Resellers Q1 refuses with `CBC.50010105` (set through `/__sandbox/exiting-resellers`).
    pub exiting_resellers: crate::reseller_exit::ExitingResellers,
    /// S13 association events and the constraints that refuse requests.
    pub association: crate::association_book::Associations,
    /// B3/B4: incentives, feedback, bill decisions and payment applications, per partner.
    pub incentives: crate::incentives::Incentives,
    /// B1/B2 memberships and applications; B5 invoices (changed by submissions and 签收).
    pub programmes: crate::programmes::Programmes,
    pub invoices: crate::invoices::Invoices,
    /// D1 delivery projects, attachment uploads and acceptance applications.
    pub projects: crate::projects::Projects,
    /// X2: customers' act-for-customer authorisations set through `/__sandbox/act-for`.
    pub acting: crate::acting::Overrides,
    /// S10: orders paid by O7 while the sandbox ran, and their coupons and discounts.
    pub payments: crate::payment::Payments,
    /// S12: 严选 selection, marketplace orders and their price changes.
    pub koogallery: crate::koogallery::KooGallery,
}

/// Shared state of the app; cheap to clone.
#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(data: Data, seed: u64, token_ttl_secs: i64, allowed_origins: Vec<String>) -> Self {
        let vouchers = crate::vouchers::Vouchers::seeded(&data, seed);
        let association = crate::association_book::Associations::seeded(&data, seed);
        let incentives = crate::incentives::Incentives::seeded(&data);
        let (programmes, invoices) =
            (crate::programmes::Programmes::seeded(&data), crate::invoices::Invoices::seeded(&data));
        let projects = crate::projects::Projects::seeded(&data);
        let accounts = crate::accounts::Accounts::seeded(&data, seed);
        let koogallery = crate::koogallery::KooGallery::seeded(&data, seed);
        AppState(Arc::new(Inner {
            projects,
            accounts,
            incentives,
            programmes,
            invoices,
            vouchers,
            data,
            seed,
            sessions: Mutex::new(HashMap::new()),
            token_ttl_secs: AtomicI64::new(token_ttl_secs),
            faults: Faults::new(seed),
            requests: Default::default(),
            allowed_origins,
            exiting_resellers: Default::default(),
            association,
            acting: Default::default(),
            payments: Default::default(),
            koogallery,
        }))
    }

    /// Seeds `customers` customers from `seed` with a 24 h token lifetime and no CORS origins.
    pub fn seeded(customers: usize, seed: u64) -> Self {
        Self::new(crate::seed::generate(customers, seed), seed, 86_400, Vec::new())
    }

    pub fn token_ttl(&self) -> i64 {
        self.token_ttl_secs.load(Ordering::Relaxed)
    }

    pub fn set_token_ttl(&self, secs: i64) {
        self.token_ttl_secs.store(secs, Ordering::Relaxed);
    }

    pub fn add_session(&self, token: String, session: Session) {
        self.sessions.lock().expect("sessions lock").insert(token, session);
    }

    pub fn session(&self, token: &str) -> Option<Session> {
        self.sessions.lock().expect("sessions lock").get(token).cloned()
    }

    /// Drops every customer token of `customer` (its authorisation changed); returns how many.
    pub fn revoke_customer_tokens(&self, customer: CustomerIx) -> usize {
        let mut sessions = self.sessions.lock().expect("sessions lock");
        let before = sessions.len();
        sessions.retain(|_, s| s.customer != Some(customer));
        before - sessions.len()
    }

    /// Makes every issued token expire now; returns how many there were.
    pub fn expire_all(&self, now: Instant) -> usize {
        let mut sessions = self.sessions.lock().expect("sessions lock");
        for s in sessions.values_mut() {
            s.expires_at = s.expires_at.min(now);
        }
        sessions.len()
    }
}
