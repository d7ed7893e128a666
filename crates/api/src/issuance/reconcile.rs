//! Reading an ambiguous batch back from the V5 records: the plan's floor, reconciliation, extra
//! coupons and retries (see the parent module's doc for why records are compared in server time).

use super::*;

impl Plan {
    /// The coupons of the newest batch before `batch` that issued any, if the floor does not
    /// already account for it (their records' times raise the floor).
    pub(super) fn anchor(&self, batch: u32) -> Vec<String> {
        let Some(b) = self
            .batches
            .iter()
            .rev()
            .filter(|b| b.no < batch && b.no > self.floor_batch && b.state == BatchState::Settled)
            .find(|b| self.coupons_of_batch(b).next().is_some())
        else {
            return Vec::new();
        };
        self.coupons_of_batch(b).take(crate::coupons::MAX_COUPON_IDS).collect()
    }

    fn coupons_of_batch<'a>(&'a self, b: &'a Batch) -> impl Iterator<Item = String> + 'a {
        self.items.iter().filter(|i| b.customer_ids.contains(&i.customer_id)).filter_map(|i| match &i.state {
            ItemState::Issued { coupon_id } => Some(coupon_id.clone()),
            _ => None,
        })
    }

    /// Raises the floor to the newest of these records that is one of this plan's coupons
    /// (the anchor read of [`Next::Reconcile`]).
    pub fn raise_floor(&mut self, batch: u32, records: &[CouponRecord]) {
        let ours = self.issued_coupons();
        if let Some(t) = records
            .iter()
            .filter(|r| r.coupon_id.as_ref().is_some_and(|c| ours.contains(c)))
            .map(|r| r.operation_time)
            .max()
        {
            self.floor = self.floor.max(t);
        }
        let before = self.batches.iter().filter(|b| b.no < batch).map(|b| b.no).max().unwrap_or(0);
        self.floor_batch = self.floor_batch.max(before);
    }

    fn issued_coupons(&self) -> std::collections::HashSet<String> {
        let mut out = std::collections::HashSet::new();
        for i in &self.items {
            if let ItemState::Issued { coupon_id } = &i.state {
                out.insert(coupon_id.clone());
            }
            out.extend(i.extra.iter().map(|e| e.coupon_id.clone()));
        }
        out
    }

    /// Successful issue records of this plan's quota and face value at or after `since`.
    fn candidates<'a>(&self, records: &'a [CouponRecord], since: Instant) -> Vec<&'a CouponRecord> {
        let face = self.face_value();
        let mut v: Vec<&CouponRecord> = records
            .iter()
            .filter(|r| {
                r.operation_type == operation_type::ISSUE
                    && r.result == record_result::SUCCESS
                    && r.quota_id == self.template.quota_id
                    && r.operation_amount == face
                    && r.operation_time >= since
                    && r.coupon_id.is_some()
            })
            .collect();
        // Oldest first: the first coupon a customer got is the one it keeps.
        v.sort_by(|a, b| a.operation_time.cmp(&b.operation_time).then_with(|| a.id.cmp(&b.id)));
        v.dedup_by(|a, b| a.coupon_id == b.coupon_id);
        v
    }

    /// Settles an ambiguous batch from the quota's V5 issue records since the floor (all pages
    /// of them): a customer with a successful issue record of this face value is issued (each
    /// record used once); the others were not issued and go back to pending. More than one
    /// such record for a customer means extra coupons, which are reported on its row.
    pub fn reconcile(&mut self, batch: u32, records: &[CouponRecord]) {
        if !self.batches.iter().any(|b| b.no == batch) {
            return;
        }
        let candidates = self.candidates(records, self.floor);
        let mut claimed = self.issued_coupons();
        let unknown: Vec<String> = self
            .items
            .iter()
            .filter(|i| i.state == (ItemState::Unknown { batch }))
            .map(|i| i.customer_id.clone())
            .collect();
        let mut newest = None;
        for customer in unknown {
            let mut found: Vec<&CouponRecord> = candidates
                .iter()
                .copied()
                .filter(|r| r.customer_id == customer && r.coupon_id.as_ref().is_some_and(|c| !claimed.contains(c)))
                .collect();
            let state = if found.is_empty() {
                ItemState::Pending
            } else {
                let first = found.remove(0);
                newest = newest.max(Some(first.operation_time));
                let coupon_id = first.coupon_id.clone().unwrap_or_default();
                claimed.insert(coupon_id.clone());
                let extra: Vec<ExtraCoupon> = found
                    .iter()
                    .filter_map(|r| r.coupon_id.clone())
                    .map(|coupon_id| ExtraCoupon { coupon_id, reclaimed: false })
                    .collect();
                claimed.extend(extra.iter().map(|e| e.coupon_id.clone()));
                if let Some(i) = self.items.iter_mut().find(|i| i.customer_id == customer) {
                    i.extra.extend(extra);
                }
                ItemState::Issued { coupon_id }
            };
            self.set(&customer, batch, state);
        }
        if let Some(b) = self.batch_mut(batch) {
            b.state = BatchState::Settled;
        }
        // What was found issued is this plan's: later batches come after it.
        if let Some(t) = newest {
            self.floor = self.floor.max(t);
        }
        self.find_extra(records);
    }

    /// Looks through issue records (since [`Plan::start_floor`]) for coupons of this plan's
    /// quota and face value that no customer's result accounts for, for customers this plan
    /// issued to: extra coupons (e.g. a request the browser resent by itself). Returns how
    /// many new ones were found; they are added to the customers' rows.
    pub fn find_extra(&mut self, records: &[CouponRecord]) -> usize {
        let candidates = self.candidates(records, self.start_floor);
        let known = self.issued_coupons();
        let mut n = 0;
        for r in candidates {
            let Some(coupon_id) = r.coupon_id.clone() else { continue };
            if known.contains(&coupon_id) {
                continue;
            }
            if let Some(i) = self
                .items
                .iter_mut()
                .find(|i| i.customer_id == r.customer_id && matches!(i.state, ItemState::Issued { .. }))
            {
                i.extra.push(ExtraCoupon { coupon_id, reclaimed: false });
                n += 1;
            }
        }
        n
    }

    /// An extra coupon was reclaimed (V4 answered 204, or it was already reclaimed).
    pub fn extra_reclaimed(&mut self, coupon_id: &str) {
        for i in &mut self.items {
            for e in &mut i.extra {
                if e.coupon_id == coupon_id {
                    e.reclaimed = true;
                }
            }
        }
    }

    /// Extra coupons not reclaimed yet.
    pub fn extra_outstanding(&self) -> usize {
        self.items.iter().flat_map(|i| &i.extra).filter(|e| !e.reclaimed).count()
    }

    /// "Retry failed": only customers that failed for a reason that may pass now go back to
    /// pending; issued ones are never touched.
    pub fn retry_failed(&mut self) -> usize {
        // Customers of a refused call are sent again too (the person fixed the cause).
        let mut n = if self.refused.take().is_some() {
            self.items.iter().filter(|i| i.state == ItemState::Pending).count()
        } else {
            0
        };
        for i in &mut self.items {
            if let ItemState::Failed { code, .. } = &i.state {
                if RETRYABLE_CODES.contains(&code.as_str()) {
                    i.state = ItemState::Pending;
                    n += 1;
                }
            }
        }
        n
    }
}
