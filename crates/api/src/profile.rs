//! Own contract: who is signed in — `GET /v2/partners/profile`
//! (documented in docs/contracts/opportunities.md; no public API exists).

use serde::{Deserialize, Serialize};

pub const PROFILE_PATH: &str = "/v2/partners/profile";

/// Kind of partner account.
pub mod partner_type {
    pub const DISTRIBUTOR: &str = "DISTRIBUTOR";
    pub const RESELLER: &str = "RESELLER";
    pub const SERVICE_PARTNER: &str = "SERVICE_PARTNER";
}

/// Role of a person inside the partner.
pub mod role {
    pub const ADMIN: &str = "ADMIN";
    pub const SUPERVISOR: &str = "SUPERVISOR";
    pub const ACCOUNT_MANAGER: &str = "ACCOUNT_MANAGER";
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub partner_id: String,
    pub partner_name: String,
    /// One of [`partner_type`].
    pub partner_type: String,
    pub user_id: String,
    pub user_name: String,
    pub display_name: String,
    /// One of [`role`].
    pub role: String,
    /// `cn` or `intl`: the site the partner account belongs to.
    pub site: String,
    /// The account managers this person may filter by (self for an account manager).
    #[serde(default)]
    pub account_managers: Vec<Person>,
    /// Tier-2 resellers (distributors only).
    #[serde(default)]
    pub indirect_partners: Vec<IndirectPartnerRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub account_name: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndirectPartnerRef {
    pub indirect_partner_id: String,
    pub name: String,
}
