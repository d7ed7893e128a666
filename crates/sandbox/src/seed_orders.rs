//! Seeded customer orders and resources (PARTNER_API.md §8, O1–O4), deterministic per
//! seed like the rest of the data.
//!
//! Memory stays small for 200 000 customers: seeding keeps only a compact row per order
//! ([`OrderRow`]: what O1 filters and sorts on) plus an id index. Everything else — amounts,
//! line items, yearly/monthly resources (O3) and pay-per-use resources (O4) — is rebuilt on
//! demand for one customer at a time by [`book`], from streams derived from the seed and the
//! customer's index, so the same order always comes back with the same details.
//!
//! Orders of a customer are generated independently of every other customer (and of the
//! customers' own random stream), so customer generation is unchanged by this module.

use crate::prng::{mix, Prng};
use crate::seed::reference_now;
use crate::store::{Customer, CustomerIx, Data};
use chrono::{DateTime, Datelike, Duration, FixedOffset, Months, NaiveTime, TimeZone, Timelike};
use partner_api::orders::{
    discount_type, expire_policy, measure, on_demand_status, order_status, order_type as ot, period_type,
    resource_status, source_type,
};
use partner_api::time::Instant;

/// Orders lie in the 18 months (548 days) before the reference now.
pub const WINDOW_DAYS: i64 = 548;
/// How long an order waits for payment before it would be cancelled (15 days, so the
/// seeded data has enough orders for S10 balance payment to work on).
pub const PAYMENT_DAYS: i64 = 15;
/// Most orders one customer has.
pub const MAX_ORDERS: usize = 6;

const SALT_SKELETON: u64 = 0x0bde_75a1_0000_0001;
const SALT_BOOK: u64 = 0x0bde_75a1_0000_0002;
const SALT_ORDER: u64 = 0x0bde_75a1_0000_0003;
const SALT_PPU: u64 = 0x0bde_75a1_0000_0004;

// ------------------------------------------------------------------------------------------
// Catalog
// ------------------------------------------------------------------------------------------

/// A cloud service with its localised names.
#[derive(Debug)]
pub struct Service {
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

pub const EC2: usize = 0;
pub const EBS: usize = 1;
pub const RDS: usize = 2;
pub const OBS: usize = 3;
pub const VPC: usize = 4;
pub const CDN: usize = 5;
pub const DCS: usize = 6;

pub const SERVICES: &[Service] = &[
    Service { code: "hws.service.type.ec2", zh: "弹性云服务器", en: "Elastic Cloud Server" },
    Service { code: "hws.service.type.ebs", zh: "云硬盘", en: "Elastic Volume Service" },
    Service { code: "hws.service.type.rds", zh: "云数据库 RDS", en: "Relational Database Service" },
    Service { code: "hws.service.type.obs", zh: "对象存储服务", en: "Object Storage Service" },
    Service { code: "hws.service.type.vpc", zh: "虚拟私有云", en: "Virtual Private Cloud" },
    Service { code: "hws.service.type.cdn", zh: "内容分发网络", en: "Content Delivery Network" },
    Service { code: "hws.service.type.dcs", zh: "分布式缓存服务", en: "Distributed Cache Service" },
];

/// How often each service is ordered.
const SERVICE_WEIGHTS: &[(usize, u32)] = &[(EC2, 30), (EBS, 15), (RDS, 15), (OBS, 10), (VPC, 12), (CDN, 8), (DCS, 10)];

#[derive(Debug)]
pub struct ResourceType {
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

const VM: ResourceType = ResourceType { code: "hws.resource.type.vm", zh: "云主机", en: "Cloud server" };
const VOLUME: ResourceType = ResourceType { code: "hws.resource.type.volume", zh: "云硬盘", en: "Disk" };
const RDS_VM: ResourceType =
    ResourceType { code: "hws.resource.type.rds.vm", zh: "数据库实例", en: "DB instance" };
const RDS_VOLUME: ResourceType =
    ResourceType { code: "hws.resource.type.rds.volume", zh: "数据库存储", en: "DB storage" };
const OBS_STORAGE: ResourceType =
    ResourceType { code: "hws.resource.type.obs", zh: "对象存储", en: "Object storage" };
const IP: ResourceType = ResourceType { code: "hws.resource.type.ip", zh: "弹性公网IP", en: "Elastic IP" };
const BANDWIDTH: ResourceType = ResourceType { code: "hws.resource.type.bandwidth", zh: "带宽", en: "Bandwidth" };
const CDN_TRAFFIC: ResourceType = ResourceType { code: "hws.resource.type.cdn", zh: "CDN流量", en: "CDN traffic" };
const DCS_INSTANCE: ResourceType =
    ResourceType { code: "hws.resource.type.dcs", zh: "缓存实例", en: "Cache instance" };

/// One sellable product (a resource spec) with its monthly list price in CNY cents.
#[derive(Debug)]
pub struct Product {
    pub service: usize,
    pub resource_type: &'static ResourceType,
    pub spec_code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub monthly_cents: i64,
    /// Linear size and its measure id (GB 17, Mbit/s 15) for disks, storage, bandwidth.
    pub size: Option<(i64, i32)>,
    pub id_prefix: &'static str,
    pub names: &'static [&'static str],
}

#[allow(clippy::too_many_arguments)]
const fn product(
    service: usize,
    resource_type: &'static ResourceType,
    spec_code: &'static str,
    zh: &'static str,
    en: &'static str,
    monthly_cents: i64,
    size: Option<(i64, i32)>,
    id_prefix: &'static str,
    names: &'static [&'static str],
) -> Product {
    Product { service, resource_type, spec_code, zh, en, monthly_cents, size, id_prefix, names }
}

const ECS_NAMES: &[&str] = &["ecs-web", "ecs-app", "ecs-api", "ecs-batch", "ecs-bastion", "ecs-gateway"];
const EVS_NAMES: &[&str] = &["data-disk", "backup-volume", "log-volume"];
const RDS_NAMES: &[&str] = &["rds-mysql-prod", "rds-mysql-test", "rds-pg-analytics", "rds-orders"];
const OBS_NAMES: &[&str] = &["obs-storage-package"];
const EIP_NAMES: &[&str] = &["eip-web", "eip-nat", "eip-api"];
const CDN_NAMES: &[&str] = &["cdn-traffic-package"];
const DCS_NAMES: &[&str] = &["dcs-session", "dcs-cache"];
const GB: i32 = measure::GB;
const MBPS: i32 = measure::MBPS;

/// Main products per service, cheapest first (a "change" order moves one step up).
pub const PRODUCTS: &[&[Product]] = &[
    &[
        product(
            EC2,
            &VM,
            "s6.large.2.linux",
            "通用计算型|s6.large.2|2vCPUs|4GB|linux",
            "General computing|s6.large.2|2vCPUs|4GB|linux",
            16_800,
            None,
            "i-",
            ECS_NAMES,
        ),
        product(
            EC2,
            &VM,
            "s6.large.2.win",
            "通用计算型|s6.large.2|2vCPUs|4GB|windows",
            "General computing|s6.large.2|2vCPUs|4GB|windows",
            22_800,
            None,
            "i-",
            ECS_NAMES,
        ),
        product(
            EC2,
            &VM,
            "s6.xlarge.2.linux",
            "通用计算型|s6.xlarge.2|4vCPUs|8GB|linux",
            "General computing|s6.xlarge.2|4vCPUs|8GB|linux",
            33_600,
            None,
            "i-",
            ECS_NAMES,
        ),
        product(
            EC2,
            &VM,
            "m6.xlarge.8.linux",
            "内存优化型|m6.xlarge.8|4vCPUs|32GB|linux",
            "Memory-optimized|m6.xlarge.8|4vCPUs|32GB|linux",
            88_400,
            None,
            "i-",
            ECS_NAMES,
        ),
        product(
            EC2,
            &VM,
            "c6.2xlarge.4.linux",
            "通用计算增强型|c6.2xlarge.4|8vCPUs|32GB|linux",
            "General computing-plus|c6.2xlarge.4|8vCPUs|32GB|linux",
            121_000,
            None,
            "i-",
            ECS_NAMES,
        ),
    ],
    &[
        product(
            EBS,
            &VOLUME,
            "SSD",
            "云硬盘_超高IO|100.0GB",
            "EVS_Ultra-high I/O|100.0GB",
            10_000,
            Some((100, GB)),
            "vol-",
            EVS_NAMES,
        ),
        product(
            EBS,
            &VOLUME,
            "GPSSD",
            "云硬盘_通用型SSD|200.0GB",
            "EVS_General Purpose SSD|200.0GB",
            14_000,
            Some((200, GB)),
            "vol-",
            EVS_NAMES,
        ),
        product(
            EBS,
            &VOLUME,
            "SAS",
            "云硬盘_高IO|500.0GB",
            "EVS_High I/O|500.0GB",
            17_500,
            Some((500, GB)),
            "vol-",
            EVS_NAMES,
        ),
    ],
    &[
        product(
            RDS,
            &RDS_VM,
            "rds.mysql.n1.large.2.ha",
            "MySQL 8.0|主备|2vCPUs|4GB",
            "MySQL 8.0|Primary/Standby|2vCPUs|4GB",
            72_000,
            None,
            "rds-",
            RDS_NAMES,
        ),
        product(
            RDS,
            &RDS_VM,
            "rds.pg.n1.xlarge.4",
            "PostgreSQL 14|单机|4vCPUs|16GB",
            "PostgreSQL 14|Single|4vCPUs|16GB",
            138_000,
            None,
            "rds-",
            RDS_NAMES,
        ),
    ],
    &[
        product(
            OBS,
            &OBS_STORAGE,
            "obs.standard.package.1tb",
            "OBS标准存储单AZ包|1TB",
            "OBS Standard single-AZ package|1TB",
            9_900,
            Some((1024, GB)),
            "obspkg-",
            OBS_NAMES,
        ),
        product(
            OBS,
            &OBS_STORAGE,
            "obs.standard.package.5tb",
            "OBS标准存储单AZ包|5TB",
            "OBS Standard single-AZ package|5TB",
            47_900,
            Some((5120, GB)),
            "obspkg-",
            OBS_NAMES,
        ),
    ],
    &[
        product(VPC, &IP, "5_bgp", "弹性公网IP|全动态BGP", "Elastic IP|Dynamic BGP", 2_000, None, "eip-", EIP_NAMES),
        product(VPC, &IP, "5_sbgp", "弹性公网IP|优选BGP", "Elastic IP|Premium BGP", 2_500, None, "eip-", EIP_NAMES),
    ],
    &[
        product(
            CDN,
            &CDN_TRAFFIC,
            "cdn.traffic.package.1tb",
            "CDN流量包|中国大陆|1TB",
            "CDN traffic package|Chinese mainland|1TB",
            12_600,
            Some((1024, GB)),
            "cdnpkg-",
            CDN_NAMES,
        ),
        product(
            CDN,
            &CDN_TRAFFIC,
            "cdn.traffic.package.10tb",
            "CDN流量包|中国大陆|10TB",
            "CDN traffic package|Chinese mainland|10TB",
            98_000,
            Some((10240, GB)),
            "cdnpkg-",
            CDN_NAMES,
        ),
    ],
    &[
        product(
            DCS,
            &DCS_INSTANCE,
            "redis.ha.xu1.large.r2.2",
            "Redis 5.0|主备|2GB",
            "Redis 5.0|Master/Standby|2GB",
            28_800,
            None,
            "dcs-",
            DCS_NAMES,
        ),
        product(
            DCS,
            &DCS_INSTANCE,
            "redis.ha.xu1.large.r2.8",
            "Redis 5.0|主备|8GB",
            "Redis 5.0|Master/Standby|8GB",
            108_000,
            None,
            "dcs-",
            DCS_NAMES,
        ),
    ],
];

const SYSTEM_DISK: Product =
    product(EBS, &VOLUME, "SAS", "云硬盘_高IO|40.0GB", "EVS_High I/O|40.0GB", 1_400, Some((40, GB)), "vol-", EVS_NAMES);
const RDS_STORAGE: Product = product(
    RDS,
    &RDS_VOLUME,
    "ULTRAHIGH",
    "数据库存储_超高IO|100.0GB",
    "DB storage_Ultra-high I/O|100.0GB",
    8_000,
    Some((100, GB)),
    "rdsvol-",
    RDS_NAMES,
);
const DEDICATED_BANDWIDTH: Product = product(
    VPC,
    &BANDWIDTH,
    "19_bgp",
    "全动态BGP|独享带宽|5Mbit/s",
    "Dynamic BGP|Dedicated bandwidth|5 Mbit/s",
    12_500,
    Some((5, MBPS)),
    "bw-",
    EIP_NAMES,
);

/// The resource bought together with (and attached to) a main resource: an ECS system
/// disk, RDS storage, the dedicated bandwidth of an EIP (the EIP is the main resource).
pub fn attached(service: usize) -> Option<&'static Product> {
    match service {
        EC2 => Some(&SYSTEM_DISK),
        RDS => Some(&RDS_STORAGE),
        VPC => Some(&DEDICATED_BANDWIDTH),
        _ => None,
    }
}

/// A stable product id per product, shaped like the provider's (`OFFI` + 18 digits).
pub fn product_id(p: &Product) -> String {
    let h = p
        .spec_code
        .bytes()
        .chain(p.resource_type.code.bytes())
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3));
    format!("OFFI{:018}", mix(h) % 1_000_000_000_000_000_000)
}

/// (region, availability zones, weight).
const CN_REGIONS: &[(&str, &[&str], u32)] = &[
    ("cn-north-4", &["cn-north-4a", "cn-north-4b", "cn-north-4c"], 50),
    ("cn-east-3", &["cn-east-3a", "cn-east-3b", "cn-east-3c"], 30),
    ("cn-south-1", &["cn-south-1a", "cn-south-1c", "cn-south-1f"], 20),
];
const INTL_REGIONS: &[(&str, &[&str], u32)] = &[
    ("ap-southeast-1", &["ap-southeast-1a", "ap-southeast-1b"], 50),
    ("ap-southeast-3", &["ap-southeast-3a", "ap-southeast-3b"], 50),
];

const NAMED_PROJECTS: &[&str] = &["prod", "test", "生产环境", "测试环境", "数据平台", "官网"];

// ------------------------------------------------------------------------------------------
// Compact rows and the id index (kept in memory)
// ------------------------------------------------------------------------------------------

/// What O1 filters and sorts on, for one order; 32 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderRow {
    /// Unix seconds.
    pub create: i64,
    /// Unix seconds; 0 when not paid.
    pub payment: i64,
    pub customer: CustomerIx,
    /// The random tail of the order id (base 36, 5 characters).
    pub suffix: u32,
    /// Position among the customer's orders, oldest first.
    pub ordinal: u8,
    pub status: u8,
    pub order_type: u8,
    /// Index into [`SERVICES`].
    pub service: u8,
    /// Placed by an enterprise sub-account and paid by the customer (`method=sub_customer`).
    pub sub_account: bool,
}

impl OrderRow {
    pub fn create_time(&self) -> Instant {
        at(self.create)
    }

    pub fn payment_time(&self) -> Option<Instant> {
        (self.payment != 0).then(|| at(self.payment))
    }

    /// `CS` + creation minute in UTC+8 (`yyMMddHHmm`) + 5 base-36 characters, e.g.
    /// `CS2511201830Q7K2M` (17 characters, the provider's shape).
    pub fn order_id(&self) -> String {
        order_id(self.create, self.suffix)
    }
}

fn at(secs: i64) -> Instant {
    DateTime::from_timestamp(secs, 0).expect("seeded time in range")
}

fn beijing() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8")
}

const BASE36: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn order_id(create: i64, suffix: u32) -> String {
    let t = at(create).with_timezone(&beijing());
    let mut tail = [0u8; 5];
    let mut s = suffix;
    for slot in tail.iter_mut().rev() {
        *slot = BASE36[(s % 36) as usize];
        s /= 36;
    }
    format!(
        "CS{:02}{:02}{:02}{:02}{:02}{}",
        t.year() % 100,
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        std::str::from_utf8(&tail).expect("ascii")
    )
}

fn id_hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b.to_ascii_uppercase() as u64).wrapping_mul(0x100_0000_01b3))
}

/// Every seeded order, compactly.
#[derive(Debug, Default)]
pub struct OrderIndex {
    pub seed: u64,
    /// Grouped by customer (in customer index order), each group oldest first.
    pub rows: Vec<OrderRow>,
    /// `rows[first[c]..first[c + 1]]` are customer `c`'s orders.
    pub first: Vec<u32>,
    /// (hash of the upper-cased order id, row), sorted: O2 and the O1 `order_id` filter.
    pub by_id: Vec<(u64, u32)>,
}

impl OrderIndex {
    pub fn of_customer(&self, c: CustomerIx) -> &[OrderRow] {
        let c = c as usize;
        match (self.first.get(c), self.first.get(c + 1)) {
            (Some(&a), Some(&b)) => &self.rows[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The row of an order id, matched case-insensitively.
    pub fn find(&self, order_id: &str) -> Option<&OrderRow> {
        let h = id_hash(order_id);
        let start = self.by_id.partition_point(|&(k, _)| k < h);
        self.by_id[start..]
            .iter()
            .take_while(|&&(k, _)| k == h)
            .map(|&(_, r)| &self.rows[r as usize])
            .find(|row| row.order_id().eq_ignore_ascii_case(order_id))
    }
}

const COUNT_WEIGHTS: &[(usize, u32)] = &[(0, 15), (1, 20), (2, 20), (3, 17), (4, 12), (5, 9), (6, 7)];
const TYPE_WEIGHTS: &[(i32, u32)] = &[
    (ot::NEW, 38),
    (ot::RENEWAL, 26),
    (ot::CHANGE, 9),
    (ot::UNSUBSCRIBE, 7),
    (ot::TO_PAY_PER_USE, 3),
    (ot::TO_YEARLY_MONTHLY, 5),
    (ot::TRIAL, 4),
    (ot::TRIAL_TO_COMMERCIAL, 3),
    (ot::FEE_ADJUSTMENT, 5),
];
/// Statuses of orders younger than the payment deadline.
const RECENT_STATUS: &[(i32, u32)] = &[
    (order_status::PENDING_PAYMENT, 45),
    (order_status::PROCESSING, 8),
    (order_status::COMPLETED, 52),
    (order_status::CANCELLED, 6),
    (order_status::PENDING_REVIEW, 3),
    (order_status::PENDING_CONFIRMATION, 3),
];
const OLD_STATUS: &[(i32, u32)] = &[
    (order_status::COMPLETED, 86),
    (order_status::CANCELLED, 11),
    (order_status::PENDING_REVIEW, 1),
    (order_status::PENDING_CONFIRMATION, 1),
    (order_status::PENDING_REFUND, 1),
];

/// The compact rows of one customer, oldest first (appended to `out`).
pub fn skeletons(seed: u64, ix: CustomerIx, c: &Customer, now: Instant, out: &mut Vec<OrderRow>) {
    let mut r = Prng::derive(seed ^ SALT_SKELETON, ix as u64);
    let n = r.weighted(COUNT_WEIGHTS);
    let now_s = now.timestamp();
    let start = (now_s - WINDOW_DAYS * 86_400).max(c.associated_on.timestamp() + 3_600);
    let end = now_s - 3_600;
    if n == 0 || start >= end {
        return;
    }
    let from = out.len();
    for _ in 0..n {
        let create = r.between(start, end - 1);
        let order_type = r.weighted(TYPE_WEIGHTS);
        let service = r.weighted(SERVICE_WEIGHTS);
        let suffix = r.below(36u64.pow(5)) as u32;
        let sub_account = c.customer_type == 1 && r.chance(0.08);
        let recent = now_s - create < PAYMENT_DAYS * 86_400;
        let mut status = r.weighted(if recent { RECENT_STATUS } else { OLD_STATUS });
        // Nothing to pay for an unsubscribe, a conversion to pay-per-use or a trial; only an
        // unsubscribe waits for a refund.
        status = match (order_type, status) {
            (ot::UNSUBSCRIBE, order_status::PENDING_PAYMENT) => order_status::PENDING_REFUND,
            (ot::TO_PAY_PER_USE | ot::TRIAL, order_status::PENDING_PAYMENT) => order_status::COMPLETED,
            (t, order_status::PENDING_REFUND) if t != ot::UNSUBSCRIBE => order_status::COMPLETED,
            (_, s) => s,
        };
        let pay_delay = r.between(20, 3 * 3600);
        let paid = matches!(status, order_status::COMPLETED | order_status::PROCESSING);
        let payment = if paid { (create + pay_delay).min(now_s - 1) } else { 0 };
        out.push(OrderRow {
            create,
            payment,
            customer: ix,
            suffix,
            ordinal: 0,
            status: status as u8,
            order_type: order_type as u8,
            service: service as u8,
            sub_account,
        });
    }
    let mine = &mut out[from..];
    mine.sort_by_key(|row| (row.create, row.suffix));
    for (i, row) in mine.iter_mut().enumerate() {
        row.ordinal = i as u8;
    }
}

/// Seeds the compact rows of every customer and the id index.
pub fn index(data: &Data, seed: u64) -> OrderIndex {
    let now = reference_now();
    let n = data.customers.len();
    let mut rows = Vec::with_capacity(n * 3);
    let mut first = Vec::with_capacity(n + 1);
    for (ix, c) in data.customers.iter().enumerate() {
        first.push(rows.len() as u32);
        skeletons(seed, ix as CustomerIx, c, now, &mut rows);
    }
    first.push(rows.len() as u32);
    let mut by_id: Vec<(u64, u32)> =
        rows.iter().enumerate().map(|(i, row)| (id_hash(&row.order_id()), i as u32)).collect();
    by_id.sort_unstable();
    OrderIndex { seed, rows, first, by_id }
}

// ------------------------------------------------------------------------------------------
// One customer's full book (rebuilt on demand)
// ------------------------------------------------------------------------------------------

/// Amounts in cents of the order currency. `after = official − Σ discounts`; coupons and
/// cards are paid on top of discounts and not subtracted from `after` (as documented).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Money {
    pub official: i64,
    pub discounts: Vec<(&'static str, i64)>,
    pub cash_coupon: i64,
    pub coupon: i64,
    pub stored_card: i64,
    pub commission: Option<i64>,
    pub consumed: Option<i64>,
}

impl Money {
    pub fn after(&self) -> i64 {
        self.official - self.discounts.iter().map(|(_, a)| a).sum::<i64>()
    }

    /// Adds another amount (discounts merged by type, in first-seen order).
    pub fn add(&mut self, o: &Money) {
        self.official += o.official;
        for &(t, a) in &o.discounts {
            match self.discounts.iter_mut().find(|(k, _)| *k == t) {
                Some(slot) => slot.1 += a,
                None => self.discounts.push((t, a)),
            }
        }
        self.cash_coupon += o.cash_coupon;
        self.coupon += o.coupon;
        self.stored_card += o.stored_card;
        self.commission = sum_opt(self.commission, o.commission);
        self.consumed = sum_opt(self.consumed, o.consumed);
    }

    pub fn sum<'a>(items: impl Iterator<Item = &'a Money>) -> Money {
        let mut m = Money::default();
        items.for_each(|i| m.add(i));
        m
    }
}

fn sum_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
    }
}

/// Who placed an order (O2 `user_name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Creator {
    /// An operator's login name.
    Login(String),
    /// 运营人员 / operations staff.
    Staff,
    /// 运营系统 / operations system.
    System,
}

#[derive(Debug, Clone)]
pub struct Item {
    /// Index into [`FullOrder::parts`] for a combined order.
    pub part: Option<usize>,
    pub product: &'static Product,
    pub period_type: i32,
    pub period_num: Option<i32>,
    pub effective: Option<Instant>,
    pub expire: Option<Instant>,
    pub quantity: i32,
    pub money: Money,
}

/// A part of a combined order (组合交易).
#[derive(Debug, Clone)]
pub struct Part {
    pub id: String,
    pub service: usize,
}

#[derive(Debug, Clone)]
pub struct FullOrder {
    pub id: String,
    pub row: OrderRow,
    pub source_type: i32,
    pub currency: &'static str,
    pub contract_id: Option<String>,
    /// (id, name).
    pub enterprise_project: (String, String),
    pub agent_pay: bool,
    pub creator: Creator,
    pub items: Vec<Item>,
    pub parts: Vec<Part>,
    pub pending_payment_end: Option<Instant>,
}

impl FullOrder {
    pub fn money(&self) -> Money {
        Money::sum(self.items.iter().map(|i| &i.money))
    }

    pub fn part_money(&self, part: usize) -> Money {
        Money::sum(self.items.iter().filter(|i| i.part == Some(part)).map(|i| &i.money))
    }
}

/// A yearly/monthly resource (O3).
#[derive(Debug, Clone)]
pub struct Resource {
    /// Internal subscription id (`id`).
    pub id: String,
    pub resource_id: String,
    pub name: String,
    pub region: &'static str,
    pub product: &'static Product,
    pub is_main: bool,
    pub parent: Option<String>,
    pub effective: Instant,
    pub expire: Instant,
    pub expire_policy: i32,
    pub status: i32,
    pub project_id: String,
    pub enterprise_project: (String, String),
    pub update: Instant,
    /// Ordinals of the orders that created or changed it.
    pub orders: Vec<u8>,
}

/// A pay-per-use resource (O4).
#[derive(Debug, Clone)]
pub struct PpuResource {
    pub resource_id: String,
    pub name: String,
    pub region: &'static str,
    pub zone: &'static str,
    pub product: &'static Product,
    pub effective: Instant,
    pub expire: Option<Instant>,
    pub status: i32,
}

/// Everything about one customer's orders and resources.
#[derive(Debug, Clone, Default)]
pub struct Book {
    pub orders: Vec<FullOrder>,
    pub resources: Vec<Resource>,
    pub on_demand: Vec<PpuResource>,
}

/// One unit of a subscription: a main resource and its attached one.
#[derive(Debug, Clone)]
struct Unit {
    main_id: String,
    main_name: String,
    attach_id: String,
    internal: (String, String),
}

/// A yearly/monthly subscription while the book is written.
#[derive(Debug, Clone)]
struct Sub {
    service: usize,
    product: &'static Product,
    units: Vec<Unit>,
    region: usize,
    project: usize,
    period: (i32, i32),
    effective: Instant,
    expire: Instant,
    expire_policy: i32,
    closed: Option<Instant>,
    to_pay_per_use: bool,
    update: Instant,
    orders: Vec<u8>,
}

struct Ctx<'a> {
    customer: &'a Customer,
    account_name: &'a str,
    partner_account: &'a str,
    resale: bool,
    usd: bool,
    regions: &'static [(&'static str, &'static [&'static str], u32)],
    home_region: usize,
    projects: Vec<(String, String)>,
    names_used: usize,
}

impl Ctx<'_> {
    fn price(&self, cents: i64) -> i64 {
        if self.usd {
            (cents + 3) / 7
        } else {
            cents
        }
    }

    fn currency(&self) -> &'static str {
        if self.usd {
            "USD"
        } else {
            "CNY"
        }
    }

    fn project_id(&self, seed: u64, ix: CustomerIx, region: usize) -> String {
        let h = mix(seed ^ mix((ix as u64) << 8 | region as u64) ^ 0x7072_6f6a);
        format!("{:016x}{:016x}", h, mix(h))
    }

    fn next_name(&mut self, r: &mut Prng, p: &Product) -> String {
        self.names_used += 1;
        format!("{}-{:02}", r.pick(p.names), self.names_used)
    }
}

/// Months in a period (`period_type`, `period_num`).
fn months(period: (i32, i32)) -> u32 {
    match period.0 {
        period_type::YEAR => 12 * period.1 as u32,
        _ => period.1 as u32,
    }
}

/// Price factor in months: a year costs 10 months.
fn price_months(period: (i32, i32)) -> i64 {
    match period.0 {
        period_type::YEAR => 10 * period.1 as i64,
        _ => period.1 as i64,
    }
}

/// Expiry the provider's way: the end (23:59:59 in UTC+8) of the day `m` months after `t`.
pub fn expiry_after(t: Instant, m: u32) -> Instant {
    let local = t.with_timezone(&beijing()).date_naive();
    let day = local.checked_add_months(Months::new(m)).unwrap_or(local);
    let end = day.and_time(NaiveTime::from_hms_opt(23, 59, 59).expect("valid time"));
    beijing().from_local_datetime(&end).single().expect("fixed offset").to_utc()
}

fn pick_period(r: &mut Prng, service: usize) -> (i32, i32) {
    if matches!(service, OBS | CDN) {
        return r.weighted(&[((period_type::YEAR, 1), 80), ((period_type::MONTH, 6), 20)]);
    }
    r.weighted(&[
        ((period_type::MONTH, 1), 30),
        ((period_type::MONTH, 3), 10),
        ((period_type::MONTH, 6), 8),
        ((period_type::YEAR, 1), 35),
        ((period_type::YEAR, 2), 10),
        ((period_type::YEAR, 3), 7),
    ])
}

const POLICY_WEIGHTS: &[(i32, u32)] = &[
    (expire_policy::GRACE_PERIOD, 40),
    (expire_policy::AUTO_RENEW, 30),
    (expire_policy::TO_PAY_PER_USE, 8),
    (expire_policy::DELETE, 5),
    (expire_policy::FREEZE, 10),
    (expire_policy::DELETE_AFTER_RETENTION, 7),
];

fn new_sub(
    r: &mut Prng,
    ctx: &mut Ctx,
    service: usize,
    product: &'static Product,
    quantity: i32,
    period: (i32, i32),
    effective: Instant,
) -> Sub {
    let region = if r.chance(0.8) { ctx.home_region } else { r.below(ctx.regions.len() as u64) as usize };
    let project = if ctx.projects.len() > 1 && r.chance(0.5) { 1 } else { 0 };
    let units = (0..quantity)
        .map(|_| {
            let main_name = ctx.next_name(r, product);
            let main_id = format!("{}{:016x}", product.id_prefix, r.next_u64());
            let attach_id = match attached(service) {
                Some(a) => format!("{}{:016x}", a.id_prefix, r.next_u64()),
                None => String::new(),
            };
            Unit { main_id, main_name, attach_id, internal: (r.hex32(), r.hex32()) }
        })
        .collect();
    Sub {
        service,
        product,
        units,
        region,
        project,
        period,
        effective,
        expire: expiry_after(effective, months(period)),
        expire_policy: r.weighted(POLICY_WEIGHTS),
        closed: None,
        to_pay_per_use: false,
        update: effective,
        orders: Vec::new(),
    }
}

/// Discounts of one order as (type, per-mille rate).
fn discount_rates(r: &mut Prng, ctx: &Ctx, order_type: i32, period: (i32, i32)) -> Vec<(&'static str, i64)> {
    if order_type == ot::TRIAL {
        return vec![(discount_type::FREE_AMOUNT, 1000)];
    }
    let mut rates = Vec::new();
    if ctx.resale && r.chance(0.35) {
        rates.push((discount_type::PARTNER_GRANTED, r.between(30, 150)));
    }
    if matches!(order_type, ot::NEW | ot::TO_YEARLY_MONTHLY) && r.chance(0.2) {
        rates.push((discount_type::PROMOTION_PRODUCT, r.between(50, 300)));
    }
    if period.0 == period_type::YEAR && r.chance(0.15) {
        rates.push((discount_type::PRODUCT, r.between(50, 170)));
    }
    if r.chance(0.03) {
        rates.push((discount_type::PRICE_ADJUSTMENT, r.between(10, 50)));
    }
    rates
}

/// The money of one line item: list price for the period, then the order's discounts.
fn item_money(official: i64, rates: &[(&'static str, i64)]) -> Money {
    let mut left = official;
    let discounts = rates
        .iter()
        .map(|&(t, per_mille)| {
            let a = ((official * per_mille + 500) / 1000).min(left);
            left -= a;
            (t, a)
        })
        .collect();
    Money { official, discounts, cash_coupon: 0, coupon: 0, stored_card: 0, commission: None, consumed: None }
}

/// Items for a subscription's product and its attachment over one period.
#[allow(clippy::too_many_arguments)]
fn sub_items(
    ctx: &Ctx,
    product: &'static Product,
    service: usize,
    quantity: i32,
    period: (i32, i32),
    price_factor: i64,
    rates: &[(&'static str, i64)],
    times: (Option<Instant>, Option<Instant>),
    part: Option<usize>,
) -> Vec<Item> {
    std::iter::once(product)
        .chain(attached(service))
        .map(|p| Item {
            part,
            product: p,
            period_type: period.0,
            period_num: Some(period.1),
            effective: times.0,
            expire: times.1,
            quantity,
            money: item_money(ctx.price(p.monthly_cents) * price_factor * quantity as i64, rates),
        })
        .collect()
}

fn creator(r: &mut Prng, ctx: &Ctx, row: &OrderRow, source: i32) -> Creator {
    match source {
        source_type::SYSTEM => Creator::System,
        source_type::CONTRACT | source_type::BACK_FILLED | source_type::COMPENSATION => Creator::Staff,
        source_type::AGENT => Creator::Login(ctx.partner_account.to_string()),
        _ if row.sub_account => Creator::Login(format!("{}-ent{}", ctx.account_name, 1 + r.below(3))),
        _ => Creator::Login(ctx.account_name.to_string()),
    }
}

/// Rebuilds customer `ix`'s orders, yearly/monthly resources and pay-per-use resources.
pub fn book(data: &Data, ix: CustomerIx) -> Book {
    let idx = &data.orders;
    let seed = idx.seed;
    let c = data.customer(ix);
    let partner = &data.partners[c.partner];
    let now = reference_now();
    let mut cr = Prng::derive(seed ^ SALT_BOOK, ix as u64);
    let usd = partner.site == "intl";
    let regions = if usd { INTL_REGIONS } else { CN_REGIONS };
    let weights: Vec<(usize, u32)> = regions.iter().enumerate().map(|(i, r)| (i, r.2)).collect();
    let home_region = cr.weighted(&weights);
    let mut projects = vec![("0".to_string(), "default".to_string())];
    if c.customer_type == 1 && cr.chance(0.35) {
        projects.push((uuid(&mut cr), cr.pick(NAMED_PROJECTS).to_string()));
    }
    let mut ctx = Ctx {
        customer: c,
        account_name: &c.account_name,
        partner_account: &partner.account,
        resale: c.association_type != "1",
        usd,
        regions,
        home_region,
        projects,
        names_used: 0,
    };

    // Subscriptions bought before the order window, still renewed automatically.
    let mut subs: Vec<Sub> = Vec::new();
    let legacy = if cr.chance(0.4) { cr.between(1, 2) } else { 0 };
    for _ in 0..legacy {
        let service = cr.weighted(SERVICE_WEIGHTS);
        let product = cr.pick(PRODUCTS[service]);
        let effective = now - Duration::days(cr.between(WINDOW_DAYS + 30, 3 * 365));
        let mut s = new_sub(&mut cr, &mut ctx, service, product, 1, (period_type::YEAR, 1), effective);
        if cr.chance(0.7) {
            s.expire_policy = expire_policy::AUTO_RENEW;
        }
        subs.push(s);
    }

    let rows = idx.of_customer(ix);
    let mut orders = Vec::with_capacity(rows.len());
    for row in rows {
        let mut r = Prng::derive(seed ^ SALT_ORDER, (ix as u64) << 4 | row.ordinal as u64);
        orders.push(order(&mut r, &mut ctx, row, &mut subs, now));
    }

    let mut resources = Vec::new();
    let mut on_demand = Vec::new();
    for s in &subs {
        finish_sub(&ctx, seed, ix, s, now, &mut resources, &mut on_demand);
    }
    pay_per_use(&mut Prng::derive(seed ^ SALT_PPU, ix as u64), &mut ctx, now, &mut on_demand);
    on_demand.sort_by(|a, b| b.effective.cmp(&a.effective).then_with(|| a.resource_id.cmp(&b.resource_id)));
    Book { orders, resources, on_demand }
}

fn uuid(r: &mut Prng) -> String {
    let h = r.hex32();
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

/// Builds one order and applies it to the subscriptions when it completed.
fn order(r: &mut Prng, ctx: &mut Ctx, row: &OrderRow, subs: &mut Vec<Sub>, now: Instant) -> FullOrder {
    let id = row.order_id();
    let t = row.create_time();
    let paid = row.payment_time();
    let completed = row.status as i32 == order_status::COMPLETED;
    let service = row.service as usize;
    let kind = row.order_type as i32;

    // Automatic renewals are placed and paid by the system.
    let auto_renewal = kind == ot::RENEWAL && r.chance(0.3) && completed;
    let source = match kind {
        ot::FEE_ADJUSTMENT => *r.pick(&[source_type::BACK_FILLED, source_type::CONTRACT]),
        _ if auto_renewal => source_type::SYSTEM,
        _ => r.weighted(&[
            (source_type::CUSTOMER, 70),
            (source_type::AGENT, if ctx.resale { 22 } else { 0 }),
            (source_type::CONTRACT, 5),
            (source_type::COMPENSATION, 1),
        ]),
    };
    let agent_pay = ctx.resale && paid.is_some() && r.chance(0.2);
    let contract_id = (source == source_type::CONTRACT).then(|| format!("HWC{:010}", r.below(10_000_000_000)));
    let project = if ctx.projects.len() > 1 && r.chance(0.5) { 1 } else { 0 };
    let creator = creator(r, ctx, row, source);

    let mut items = Vec::new();
    let mut parts = Vec::new();
    match kind {
        ot::NEW | ot::TRIAL | ot::TO_YEARLY_MONTHLY => {
            let product = r.pick(PRODUCTS[service]);
            let period = if kind == ot::TRIAL { (period_type::MONTH, 1) } else { pick_period(r, service) };
            let quantity = if service == EC2 { r.weighted(&[(1, 80), (2, 15), (3, 5)]) } else { 1 };
            let rates = discount_rates(r, ctx, kind, period);
            let effective = paid.unwrap_or(t);
            let times =
                if completed { (Some(effective), Some(expiry_after(effective, months(period)))) } else { (None, None) };
            let combined = service == EC2 && kind == ot::NEW && r.chance(0.12);
            let part = combined.then_some(0);
            items.extend(sub_items(ctx, product, service, quantity, period, price_months(period), &rates, times, part));
            let mut disk = None;
            if combined {
                parts.push(Part { id: order_id(row.create, r.below(36u64.pow(5)) as u32), service });
                parts.push(Part { id: order_id(row.create, r.below(36u64.pow(5)) as u32), service: EBS });
                let d = r.pick(PRODUCTS[EBS]);
                items.extend(sub_items(ctx, d, EBS, quantity, period, price_months(period), &rates, times, Some(1)));
                disk = Some(d);
            }
            if completed {
                let mut s = new_sub(r, ctx, service, product, quantity, period, effective);
                if kind == ot::TRIAL {
                    s.expire_policy = expire_policy::DELETE;
                }
                s.orders.push(row.ordinal);
                subs.push(s);
                if let Some(d) = disk {
                    let mut s = new_sub(r, ctx, EBS, d, quantity, period, effective);
                    s.orders.push(row.ordinal);
                    subs.push(s);
                }
            }
        }
        ot::FEE_ADJUSTMENT => {
            let product = r.pick(PRODUCTS[service]);
            let cents = ctx.price(r.between(10, 500) * 100);
            items.push(Item {
                part: None,
                product,
                period_type: period_type::ONE_OFF,
                period_num: Some(1),
                effective: paid,
                expire: None,
                quantity: 1,
                money: item_money(cents, &[]),
            });
        }
        _ => {
            let s = target(r, ctx, service, t, subs);
            let sub = &mut subs[s];
            let (product, quantity) = (sub.product, sub.units.len() as i32);
            match kind {
                ot::RENEWAL | ot::TRIAL_TO_COMMERCIAL => {
                    let period = if kind == ot::RENEWAL { sub.period } else { pick_period(r, service) };
                    let rates = discount_rates(r, ctx, kind, period);
                    let until = expiry_after(sub.expire, months(period));
                    let times = if completed { (Some(sub.expire), Some(until)) } else { (None, None) };
                    items.extend(sub_items(
                        ctx,
                        product,
                        service,
                        quantity,
                        period,
                        price_months(period),
                        &rates,
                        times,
                        None,
                    ));
                    if completed {
                        sub.expire = until;
                        sub.period = period;
                    }
                }
                ot::CHANGE => {
                    let list = PRODUCTS[service];
                    let at_ = list.iter().position(|p| std::ptr::eq(p, product)).unwrap_or(0);
                    let new = &list[(at_ + 1).min(list.len() - 1)];
                    let left = ((sub.expire - t).num_days().max(0) / 30 + 1).min(36);
                    let diff = (new.monthly_cents - product.monthly_cents).max(new.monthly_cents / 10);
                    let rates = discount_rates(r, ctx, kind, sub.period);
                    items.push(Item {
                        part: None,
                        product: new,
                        period_type: period_type::MONTH,
                        period_num: Some(left as i32),
                        effective: completed.then_some(paid.unwrap_or(t)),
                        expire: completed.then_some(sub.expire),
                        quantity,
                        money: item_money(ctx.price(diff) * left * quantity as i64, &rates),
                    });
                    if completed {
                        sub.product = new;
                    }
                }
                ot::UNSUBSCRIBE => {
                    let total = (sub.expire - sub.effective).num_days().max(1);
                    let left = (sub.expire - t).num_days().clamp(0, total);
                    let value =
                        ctx.price(product.monthly_cents) * price_months(sub.period) * quantity as i64 * 85 / 100;
                    let refund = value * left / total;
                    let fee = if r.chance(0.1) { refund * 5 / 100 } else { 0 };
                    let mut money = item_money(refund - fee, &[]);
                    money.commission = Some(fee);
                    money.consumed = Some(value - refund);
                    items.push(Item {
                        part: None,
                        product,
                        period_type: sub.period.0,
                        period_num: None,
                        effective: completed.then_some(t),
                        expire: completed.then_some(sub.expire),
                        quantity,
                        money,
                    });
                    if completed {
                        sub.closed = Some(paid.unwrap_or(t));
                    }
                }
                _ => {
                    // Yearly/monthly → pay-per-use: nothing to pay.
                    items.push(Item {
                        part: None,
                        product,
                        period_type: sub.period.0,
                        period_num: None,
                        effective: completed.then_some(t),
                        expire: completed.then_some(sub.expire),
                        quantity,
                        money: item_money(0, &[]),
                    });
                    if completed {
                        sub.closed = Some(paid.unwrap_or(t));
                        sub.to_pay_per_use = true;
                    }
                }
            }
            if completed {
                sub.update = paid.unwrap_or(t).min(now);
                sub.orders.push(row.ordinal);
            }
        }
    }

    // Coupons and cards are used when paying; they go on the first item.
    let coupon_kinds =
        matches!(kind, ot::NEW | ot::RENEWAL | ot::CHANGE | ot::TO_YEARLY_MONTHLY | ot::TRIAL_TO_COMMERCIAL);
    if coupon_kinds && paid.is_some() {
        if let Some(first) = items.first_mut() {
            let after = first.money.after();
            if after >= 10_000 && r.chance(0.15) {
                first.money.coupon = after * r.between(5, 40) / 100 / 100 * 100;
            }
            let left = after - first.money.coupon;
            if left >= 10_000 && r.chance(0.05) {
                first.money.cash_coupon = left * r.between(5, 20) / 100 / 100 * 100;
            }
            let left = left - first.money.cash_coupon;
            if left >= 10_000 && r.chance(0.02) {
                first.money.stored_card = left / 2 / 100 * 100;
            }
        }
    }

    FullOrder {
        id,
        row: *row,
        source_type: source,
        currency: ctx.currency(),
        contract_id,
        enterprise_project: ctx.projects[project].clone(),
        agent_pay,
        creator,
        items,
        parts,
        pending_payment_end: (row.status as i32 == order_status::PENDING_PAYMENT)
            .then(|| t + Duration::days(PAYMENT_DAYS)),
    }
}

/// The subscription an order about an existing resource acts on: an active one of the
/// service, else one bought before the window (added to `subs`).
fn target(r: &mut Prng, ctx: &mut Ctx, service: usize, t: Instant, subs: &mut Vec<Sub>) -> usize {
    let active: Vec<usize> = subs
        .iter()
        .enumerate()
        .filter(|(_, s)| s.service == service && s.closed.is_none() && s.effective < t)
        .map(|(i, _)| i)
        .collect();
    if !active.is_empty() {
        return active[r.below(active.len() as u64) as usize];
    }
    let product = r.pick(PRODUCTS[service]);
    let period = pick_period(r, service);
    // It expires soon after the order, which is why the order was placed.
    let expire = t + Duration::days(r.between(1, 25));
    let effective = expire - Duration::days(months(period) as i64 * 30);
    let quantity = if service == EC2 { r.weighted(&[(1, 85), (2, 15)]) } else { 1 };
    let mut s = new_sub(r, ctx, service, product, quantity, period, effective);
    s.expire = expiry_after(expire, 0);
    subs.push(s);
    subs.len() - 1
}

/// Turns a subscription into O3 resources as they stand at `now` (and, after a conversion
/// to pay-per-use, O4 resources).
fn finish_sub(
    ctx: &Ctx,
    seed: u64,
    ix: CustomerIx,
    s: &Sub,
    now: Instant,
    out: &mut Vec<Resource>,
    on_demand: &mut Vec<PpuResource>,
) {
    let mut expire = s.expire;
    let status = match s.closed {
        Some(closed) => {
            expire = closed;
            resource_status::CLOSED
        }
        None => {
            if s.expire_policy == expire_policy::AUTO_RENEW {
                while expire < now {
                    expire = expiry_after(expire, months(s.period));
                }
            }
            let overdue = now - expire;
            if overdue <= Duration::zero() {
                if ctx.customer.is_frozen == 1 {
                    resource_status::FROZEN
                } else {
                    resource_status::IN_USE
                }
            } else if overdue <= Duration::days(15) {
                resource_status::EXPIRED
            } else if s.expire_policy == expire_policy::FREEZE && overdue <= Duration::days(30) {
                resource_status::FROZEN
            } else {
                resource_status::CLOSED
            }
        }
    };
    let (region, zones, _) = ctx.regions[s.region];
    let project_id = ctx.project_id(seed, ix, s.region);
    let attach = attached(s.service);
    for u in &s.units {
        let main = Resource {
            id: u.internal.0.clone(),
            resource_id: u.main_id.clone(),
            name: u.main_name.clone(),
            region,
            product: s.product,
            is_main: true,
            parent: None,
            effective: s.effective,
            expire,
            expire_policy: s.expire_policy,
            status,
            project_id: project_id.clone(),
            enterprise_project: ctx.projects[s.project].clone(),
            update: s.update,
            orders: s.orders.clone(),
        };
        if let Some(a) = attach {
            let name = match s.service {
                EC2 => format!("{}-volume-0000", u.main_name),
                VPC => format!("bandwidth-{}", u.main_name),
                _ => u.main_name.clone(),
            };
            out.push(main.clone());
            out.push(Resource {
                id: u.internal.1.clone(),
                resource_id: u.attach_id.clone(),
                name,
                product: a,
                is_main: false,
                parent: Some(u.main_id.clone()),
                ..main
            });
        } else {
            out.push(main);
        }
        if s.to_pay_per_use {
            let zone = zones[(id_hash(&u.main_id) % zones.len() as u64) as usize];
            on_demand.push(PpuResource {
                resource_id: u.main_id.clone(),
                name: u.main_name.clone(),
                region,
                zone,
                product: s.product,
                effective: s.closed.unwrap_or(now),
                expire: None,
                status: if ctx.customer.is_frozen == 1 { on_demand_status::FROZEN } else { on_demand_status::NORMAL },
            });
        }
    }
}

const PPU_COUNT: &[(usize, u32)] = &[(0, 30), (1, 15), (2, 15), (3, 12), (4, 10), (5, 8), (6, 5), (8, 5)];
const PPU_SERVICES: &[(usize, u32)] = &[(EC2, 30), (EBS, 25), (OBS, 15), (VPC, 15), (CDN, 5), (DCS, 10)];
const PPU_STATUS: &[(i32, u32)] = &[
    (on_demand_status::NORMAL, 75),
    (on_demand_status::GRACE_PERIOD, 5),
    (on_demand_status::FROZEN, 3),
    (on_demand_status::CHANGING, 2),
    (on_demand_status::CLOSING, 3),
    (on_demand_status::CLOSED, 12),
];

/// Pay-per-use resources of a resale customer (O4 is for resale customers only).
fn pay_per_use(r: &mut Prng, ctx: &mut Ctx, now: Instant, out: &mut Vec<PpuResource>) {
    let n = r.weighted(PPU_COUNT);
    if !ctx.resale {
        return;
    }
    let since = (now - ctx.customer.associated_on).num_seconds().max(3_600);
    for _ in 0..n {
        let service = r.weighted(PPU_SERVICES);
        let product = r.pick(PRODUCTS[service]);
        let weights: Vec<(usize, u32)> = ctx.regions.iter().enumerate().map(|(i, x)| (i, x.2)).collect();
        let (region, zones, _) = ctx.regions[r.weighted(&weights)];
        let effective = now - Duration::seconds(r.between(600, since.min(2 * 365 * 86_400)));
        let mut status = r.weighted(PPU_STATUS);
        if ctx.customer.is_frozen == 1 && status != on_demand_status::CLOSED {
            status = on_demand_status::FROZEN;
        }
        let expire = (status == on_demand_status::CLOSED)
            .then(|| effective + Duration::seconds(r.between(600, (now - effective).num_seconds().max(601))));
        let name = ctx.next_name(r, product);
        out.push(PpuResource {
            resource_id: format!("{}{:016x}", product.id_prefix, r.next_u64()),
            name,
            region,
            zone: zones[r.below(zones.len() as u64) as usize],
            product,
            effective,
            expire: expire.map(|e| e.min(now)),
            status,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_expiry() {
        let t = chrono::Utc.with_ymd_and_hms(2025, 11, 20, 10, 30, 0).single().unwrap();
        assert_eq!(order_id(t.timestamp(), 0), "CS251120183000000");
        assert_eq!(order_id(t.timestamp(), 36u32.pow(5) - 1), "CS2511201830ZZZZZ");
        assert_eq!(order_id(t.timestamp(), 0).len(), 17);
        // 2025-11-20 18:30 in UTC+8 plus one month ends 2025-12-20 23:59:59 UTC+8.
        assert_eq!(partner_api::time::to_wire(&expiry_after(t, 1)), "2025-12-20T15:59:59Z");
        assert_eq!(partner_api::time::to_wire(&expiry_after(t, 12)), "2026-11-20T15:59:59Z");
    }

    #[test]
    fn money_sums() {
        let a = item_money(10_000, &[(discount_type::PARTNER_GRANTED, 100)]);
        assert_eq!((a.official, a.after()), (10_000, 9_000));
        let b = item_money(5_000, &[(discount_type::PARTNER_GRANTED, 100), (discount_type::PRODUCT, 1000)]);
        assert_eq!(b.after(), 0);
        let s = Money::sum([&a, &b].into_iter());
        assert_eq!((s.official, s.after(), s.discounts.len()), (15_000, 9_000, 2));
    }

    #[test]
    fn product_ids_are_stable_and_shaped() {
        let id = product_id(&PRODUCTS[EC2][0]);
        assert!(id.starts_with("OFFI") && id.len() == 22, "{id}");
        assert_eq!(id, product_id(&PRODUCTS[EC2][0]));
        assert_ne!(id, product_id(&PRODUCTS[EC2][1]));
        assert!(PRODUCTS.iter().enumerate().all(|(s, list)| list.iter().all(|p| p.service == s)));
    }
}
