//! Who may see what (FEATURES.md roles), enforced on every endpoint:
//! - an admin sees every customer of the partner, and a distributor admin also every
//!   customer of its resellers;
//! - a supervisor sees the customers assigned to the account managers of their team;
//! - an account manager sees the customers assigned to them;
//! - unassigned customers are seen by admins only, and nobody sees another partner's.

use crate::errors::ApiFailure;
use crate::store::{Customer, CustomerIx, Data, Partner, PartnerIx, User, UserIx};
use partner_api::opportunities::scope;
use partner_api::profile::{partner_type, role};

pub struct Viewer<'a> {
    pub data: &'a Data,
    pub user_ix: UserIx,
    pub user: &'a User,
    pub partner_ix: PartnerIx,
    pub partner: &'a Partner,
}

impl<'a> Viewer<'a> {
    pub fn new(data: &'a Data, user_ix: UserIx) -> Self {
        let user = &data.users[user_ix];
        Viewer { data, user_ix, user, partner_ix: user.partner, partner: &data.partners[user.partner] }
    }

    pub fn is_admin(&self) -> bool {
        self.user.role == role::ADMIN
    }

    pub fn is_distributor(&self) -> bool {
        self.partner.partner_type == partner_type::DISTRIBUTOR
    }

    /// `visibility_scope` of list answers.
    pub fn scope(&self) -> &'static str {
        match self.user.role {
            role::ADMIN => scope::ALL,
            role::SUPERVISOR => scope::TEAM,
            _ => scope::OWN,
        }
    }

    /// Whether the role lets this person see a customer of their own partner.
    fn sees_within_partner(&self, c: &Customer) -> bool {
        match self.user.role {
            role::ADMIN => true,
            role::SUPERVISOR => {
                c.account_manager.is_some_and(|am| self.data.users[am].supervisor == Some(self.user_ix))
            }
            _ => c.account_manager == Some(self.user_ix),
        }
    }

    pub fn can_see(&self, c: &Customer) -> bool {
        if c.partner == self.partner_ix {
            self.sees_within_partner(c)
        } else {
            // Only a distributor's admin looks into its resellers' customers.
            self.is_admin() && self.data.partners[c.partner].parent == Some(self.partner_ix)
        }
    }

    /// Account managers of the own partner this person may see: all (admin), the team
    /// (supervisor), or themselves (account manager). This is the profile's list.
    pub fn own_account_managers(&self) -> Vec<UserIx> {
        let users = &self.data.users;
        self.partner
            .users
            .iter()
            .copied()
            .filter(|&u| users[u].role == role::ACCOUNT_MANAGER)
            .filter(|&u| match self.user.role {
                role::ADMIN => true,
                role::SUPERVISOR => users[u].supervisor == Some(self.user_ix),
                _ => u == self.user_ix,
            })
            .collect()
    }

    /// Account managers this person may filter by: the profile's list, plus every account
    /// manager of the resellers for a distributor admin.
    pub fn filterable_account_managers(&self) -> Vec<UserIx> {
        let mut out = self.own_account_managers();
        if self.is_admin() {
            for &r in &self.partner.resellers {
                let users = &self.data.partners[r].users;
                out.extend(users.iter().copied().filter(|&u| self.data.users[u].role == role::ACCOUNT_MANAGER));
            }
        }
        out
    }

    /// Resolves `indirect_partner_id`: only a distributor may name a reseller, and only one
    /// of its own; anything else is 400 `CBC.99000037`.
    pub fn reseller(&self, indirect_partner_id: &str) -> Result<PartnerIx, ApiFailure> {
        self.partner
            .resellers
            .iter()
            .copied()
            .find(|&r| self.data.partners[r].id == indirect_partner_id)
            .filter(|_| self.is_distributor())
            .ok_or_else(ApiFailure::no_reseller_permission)
    }

    /// Every customer this person may see, unordered. Built from the per-partner and
    /// per-account-manager indexes so no request scans customers it cannot see.
    pub fn visible_customers(&self) -> Vec<CustomerIx> {
        match self.user.role {
            role::ADMIN => {
                let mut out = self.partner.customers.clone();
                for &r in &self.partner.resellers {
                    out.extend_from_slice(&self.data.partners[r].customers);
                }
                out
            }
            _ => self
                .own_account_managers()
                .iter()
                .flat_map(|&am| self.data.users[am].customers.iter().copied())
                .collect(),
        }
    }
}
