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

impl Profile {
    /// Q1/Q2 (issue and reclaim reseller quotas): only the admin of a tier-1 distributor; the API
    /// answers anyone else 403 `CBC.0151`, so the app offers them neither.
    pub fn may_manage_reseller_quotas(&self) -> bool {
        self.partner_type == partner_type::DISTRIBUTOR && self.role == role::ADMIN
    }

    /// Whether asking for a reseller's customers (`indirect_partner_id` on C1, O1, the customer
    /// list) can give rows: only a tier-1 distributor's admin sees them; the others are answered
    /// an empty list whatever reseller they name, so they get no reseller filter.
    pub fn sees_reseller_customers(&self) -> bool {
        self.partner_type == partner_type::DISTRIBUTOR && self.role == role::ADMIN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(partner: &str, r: &str) -> Profile {
        Profile {
            partner_id: "p".into(),
            partner_name: "P".into(),
            partner_type: partner.into(),
            user_id: "u".into(),
            user_name: "u".into(),
            display_name: "U".into(),
            role: r.into(),
            site: "cn".into(),
            account_managers: Vec::new(),
            indirect_partners: Vec::new(),
        }
    }

    #[test]
    fn only_a_distributor_admin_sees_reseller_customers() {
        assert!(person(partner_type::DISTRIBUTOR, role::ADMIN).sees_reseller_customers());
        for r in [role::SUPERVISOR, role::ACCOUNT_MANAGER] {
            assert!(!person(partner_type::DISTRIBUTOR, r).sees_reseller_customers());
        }
        for p in [partner_type::RESELLER, partner_type::SERVICE_PARTNER] {
            assert!(!person(p, role::ADMIN).sees_reseller_customers());
        }
    }

    #[test]
    fn only_a_distributor_admin_manages_reseller_quotas() {
        assert!(person(partner_type::DISTRIBUTOR, role::ADMIN).may_manage_reseller_quotas());
        for r in [role::SUPERVISOR, role::ACCOUNT_MANAGER] {
            assert!(!person(partner_type::DISTRIBUTOR, r).may_manage_reseller_quotas());
        }
        for p in [partner_type::RESELLER, partner_type::SERVICE_PARTNER] {
            assert!(!person(p, role::ADMIN).may_manage_reseller_quotas());
        }
    }
}
