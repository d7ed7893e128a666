//! Who may open a page: the registry gives each page one [`Access`] rule, applied at the route
//! (a page the person may not open is never rendered) and in the navigation (it is not offered).

use crate::i18n::Msg;
use partner_api::profile::Profile;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Access {
    /// Partner types (`partner_api::profile::partner_type`) that may open the page; empty: all.
    pub partner_types: &'static [&'static str],
    /// Roles (`partner_api::profile::role`) that may open the page; empty: all.
    pub roles: &'static [&'static str],
    /// What the others are told instead of the page.
    pub denied: Denied,
}

/// The "not available for your partner type / role" state of one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Denied {
    pub reason: Msg,
    /// The state's test id (pages keep the ids their e2e tests know).
    pub test_id: &'static str,
}

impl Access {
    /// Every signed-in person.
    pub const EVERYONE: Access = Access {
        partner_types: &[],
        roles: &[],
        denied: Denied { reason: Msg::NotFoundText, test_id: "not-available-reason" },
    };

    /// Only these partner types; the others are told `reason`.
    pub const fn partners(types: &'static [&'static str], reason: Msg, test_id: &'static str) -> Access {
        Access { partner_types: types, roles: &[], denied: Denied { reason, test_id } }
    }

    /// Further restricted to these roles.
    pub const fn roles(self, roles: &'static [&'static str]) -> Access {
        Access { roles, ..self }
    }

    pub fn allows(&self, profile: &Profile) -> bool {
        let ok = |allowed: &[&str], value: &str| allowed.is_empty() || allowed.contains(&value);
        ok(self.partner_types, &profile.partner_type) && ok(self.roles, &profile.role)
    }

    pub fn is_everyone(&self) -> bool {
        self.partner_types.is_empty() && self.roles.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use partner_api::profile::{partner_type as pt, role};

    pub fn profile(partner: &str, r: &str) -> Profile {
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
    fn everyone_lets_every_partner_and_role_in() {
        for p in [pt::DISTRIBUTOR, pt::RESELLER, pt::SERVICE_PARTNER] {
            for r in [role::ADMIN, role::SUPERVISOR, role::ACCOUNT_MANAGER] {
                assert!(Access::EVERYONE.allows(&profile(p, r)));
            }
        }
        assert!(Access::EVERYONE.is_everyone());
    }

    #[test]
    fn partner_types_and_roles_both_have_to_match() {
        let a = Access::partners(&[pt::DISTRIBUTOR, pt::RESELLER], Msg::WlNotAvailable, "x").roles(&[role::ADMIN]);
        assert!(a.allows(&profile(pt::RESELLER, role::ADMIN)));
        assert!(!a.allows(&profile(pt::RESELLER, role::ACCOUNT_MANAGER)));
        assert!(!a.allows(&profile(pt::SERVICE_PARTNER, role::ADMIN)));
        assert!(!a.is_everyone());
    }
}
