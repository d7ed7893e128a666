//! Deterministic seed data: the same seed and size always give the same partners, people,
//! customers and opportunities. Generated times are relative to a fixed reference "now"
//! ([`reference_now`]), never the wall clock, so snapshots and tests stay stable.

use crate::prng::Prng;
use crate::store::{Customer, CustomerIx, Data, Opp, Partner, User};
use chrono::{Duration, TimeZone, Utc};
use partner_api::opportunities::{CONFIDENCES, INDUSTRIES, OPPORTUNITY_TYPES, STAGES};
use partner_api::profile::{partner_type, role};
use partner_api::time::Instant;
use partner_api::Amount;

/// The password of every seeded person.
pub const PASSWORD: &str = "Partner@2026";

/// Generated times lie before this instant.
pub fn reference_now() -> Instant {
    Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0).single().expect("valid reference time")
}

struct PersonDef {
    name: &'static str,
    display: &'static str,
    role: &'static str,
    supervisor: Option<&'static str>,
}

const fn p(
    name: &'static str,
    display: &'static str,
    role: &'static str,
    supervisor: Option<&'static str>,
) -> PersonDef {
    PersonDef { name, display, role, supervisor }
}

struct PartnerDef {
    account: &'static str,
    name: &'static str,
    partner_type: &'static str,
    /// Account of the distributor this reseller belongs to.
    parent: Option<&'static str>,
    people: &'static [PersonDef],
}

const ADMIN: &str = role::ADMIN;
const SUP: &str = role::SUPERVISOR;
const AM: &str = role::ACCOUNT_MANAGER;

const PARTNERS: &[PartnerDef] = &[
    PartnerDef {
        account: "hz_distributor",
        name: "华云智联科技有限公司",
        partner_type: partner_type::DISTRIBUTOR,
        parent: None,
        people: &[
            p("admin", "王磊", ADMIN, None),
            p("zhang.wei", "张伟", SUP, None),
            p("emily.chen", "Emily Chen", SUP, None),
            p("li.na", "李娜", AM, Some("zhang.wei")),
            p("wang.fang", "王芳", AM, Some("zhang.wei")),
            p("david.liu", "David Liu", AM, Some("zhang.wei")),
            p("zhao.min", "赵敏", AM, Some("emily.chen")),
            p("sarah.lin", "Sarah Lin", AM, Some("emily.chen")),
            p("chen.jie", "陈杰", AM, Some("emily.chen")),
        ],
    },
    PartnerDef {
        account: "cloudbridge_it",
        name: "云桥信息技术有限公司",
        partner_type: partner_type::RESELLER,
        parent: Some("hz_distributor"),
        people: &[
            p("admin", "陈晓", ADMIN, None),
            p("liu.yang", "刘洋", SUP, None),
            p("jason.wu", "Jason Wu", AM, Some("liu.yang")),
            p("huang.li", "黄丽", AM, Some("liu.yang")),
        ],
    },
    PartnerDef {
        account: "deepblue_data",
        name: "深蓝数据服务有限公司",
        partner_type: partner_type::RESELLER,
        parent: Some("hz_distributor"),
        people: &[
            p("admin", "林峰", ADMIN, None),
            p("grace.xu", "Grace Xu", SUP, None),
            p("ma.chao", "马超", AM, Some("grace.xu")),
            p("tony.guo", "Tony Guo", AM, Some("grace.xu")),
        ],
    },
    PartnerDef {
        account: "nimbus_solutions",
        name: "Nimbus Solutions Ltd.",
        partner_type: partner_type::RESELLER,
        parent: Some("hz_distributor"),
        people: &[
            p("admin", "Olivia Tan", ADMIN, None),
            p("kevin.ho", "Kevin Ho", SUP, None),
            p("zhou.yu", "周雨", AM, Some("kevin.ho")),
            p("amy.wong", "Amy Wong", AM, Some("kevin.ho")),
        ],
    },
    PartnerDef {
        account: "huitong_services",
        name: "慧通云服务有限公司",
        partner_type: partner_type::SERVICE_PARTNER,
        parent: None,
        people: &[
            p("admin", "郑浩", ADMIN, None),
            p("sun.li", "孙丽", SUP, None),
            p("mike.zhou", "Mike Zhou", AM, Some("sun.li")),
            p("he.jing", "何静", AM, Some("sun.li")),
        ],
    },
    // Appended last so every id and customer above stays as it was. Programme membership is
    // in programmes_seed.rs: this one is in the CCoE programme only, the next in neither.
    PartnerDef {
        account: "yunqi_services",
        name: "云启数智服务有限公司",
        partner_type: partner_type::SERVICE_PARTNER,
        parent: None,
        people: &[
            p("admin", "许晴", ADMIN, None),
            p("tang.jun", "唐俊", SUP, None),
            p("lily.he", "Lily He", AM, Some("tang.jun")),
            p("feng.lei", "冯磊", AM, Some("tang.jun")),
        ],
    },
    PartnerDef {
        account: "anxin_ops",
        name: "安信云运维服务有限公司",
        partner_type: partner_type::SERVICE_PARTNER,
        parent: None,
        people: &[
            p("admin", "钱伟", ADMIN, None),
            p("gao.yan", "高燕", SUP, None),
            p("ryan.li", "Ryan Li", AM, Some("gao.yan")),
            p("xu.ting", "徐婷", AM, Some("gao.yan")),
        ],
    },
];

/// (hanzi, pinyin) of cities used in Chinese company names.
const CITIES: &[(&str, &str)] = &[
    ("上海", "shanghai"),
    ("北京", "beijing"),
    ("深圳", "shenzhen"),
    ("杭州", "hangzhou"),
    ("广州", "guangzhou"),
    ("成都", "chengdu"),
    ("南京", "nanjing"),
    ("武汉", "wuhan"),
    ("苏州", "suzhou"),
    ("西安", "xian"),
    ("重庆", "chongqing"),
    ("天津", "tianjin"),
    ("厦门", "xiamen"),
    ("青岛", "qingdao"),
    ("长沙", "changsha"),
    ("合肥", "hefei"),
    ("宁波", "ningbo"),
    ("郑州", "zhengzhou"),
    ("济南", "jinan"),
    ("大连", "dalian"),
];

const ZH_BRANDS: &[(&str, &str)] = &[
    ("瑞科", "ruike"),
    ("华信", "huaxin"),
    ("云帆", "yunfan"),
    ("中科", "zhongke"),
    ("博远", "boyuan"),
    ("天成", "tiancheng"),
    ("恒达", "hengda"),
    ("启明", "qiming"),
    ("星辰", "xingchen"),
    ("汇智", "huizhi"),
    ("金桥", "jinqiao"),
    ("优品", "youpin"),
    ("鼎盛", "dingsheng"),
    ("东方", "dongfang"),
    ("海纳", "haina"),
    ("远景", "yuanjing"),
    ("数联", "shulian"),
    ("易联", "yilian"),
    ("明德", "mingde"),
    ("和光", "heguang"),
    ("卓越", "zhuoyue"),
    ("新锐", "xinrui"),
    ("信达", "xinda"),
    ("安拓", "antuo"),
];

/// (hanzi, slug, industry code).
const ZH_WORDS: &[(&str, &str, &str)] = &[
    ("网络科技", "tech", "INTERNET"),
    ("信息技术", "it", "INTERNET"),
    ("金融服务", "finance", "FINANCE"),
    ("融资租赁", "leasing", "FINANCE"),
    ("智能制造", "mfg", "MANUFACTURING"),
    ("精密机械", "machinery", "MANUFACTURING"),
    ("教育科技", "edu", "EDUCATION"),
    ("医疗科技", "medical", "HEALTHCARE"),
    ("生物医药", "pharma", "HEALTHCARE"),
    ("城市服务", "citysvc", "GOVERNMENT"),
    ("商贸", "trading", "RETAIL"),
    ("电子商务", "ecommerce", "RETAIL"),
    ("新能源", "energy", "ENERGY"),
    ("物流", "logistics", "LOGISTICS"),
    ("供应链管理", "supplychain", "LOGISTICS"),
    ("互动娱乐", "games", "GAMING"),
    ("文化传媒", "media", "MEDIA"),
    ("实业", "industrial", "OTHER"),
];

const EN_BRANDS: &[&str] = &[
    "Northwind",
    "Bluepeak",
    "Silverline",
    "Crestview",
    "Evergreen",
    "Lumen",
    "Harbor",
    "Summit",
    "Brightwave",
    "Ironbridge",
    "Redwood",
    "Skyline",
    "Nova",
    "Pioneer",
    "Meridian",
    "Cobalt",
    "Granite",
    "Aurora",
    "Vertex",
    "Oakridge",
];

const EN_WORDS: &[(&str, &str, &str)] = &[
    ("Analytics", "analytics", "INTERNET"),
    ("Software", "software", "INTERNET"),
    ("Capital", "capital", "FINANCE"),
    ("Payments", "payments", "FINANCE"),
    ("Manufacturing", "manufacturing", "MANUFACTURING"),
    ("Robotics", "robotics", "MANUFACTURING"),
    ("Learning", "learning", "EDUCATION"),
    ("Health", "health", "HEALTHCARE"),
    ("Biotech", "biotech", "HEALTHCARE"),
    ("Public Services", "public-services", "GOVERNMENT"),
    ("Retail", "retail", "RETAIL"),
    ("Energy", "energy", "ENERGY"),
    ("Logistics", "logistics", "LOGISTICS"),
    ("Games", "games", "GAMING"),
    ("Media", "media", "MEDIA"),
    ("Holdings", "holdings", "OTHER"),
];

const EN_SUFFIXES: &[&str] = &["Ltd.", "Inc.", "Co., Ltd.", "Pte. Ltd.", "Limited", "GmbH"];

const LABELS: &[(&str, u32)] = &[("VIP", 3), ("KA", 3), ("重点客户", 3), ("SMB", 2), ("战略客户", 1), ("new", 1)];

const ZH_OPPORTUNITIES: &[&str] = &[
    "ERP 上云迁移",
    "数据湖扩容",
    "容器平台建设",
    "同城灾备方案",
    "CDN 加速",
    "AI 推理平台",
    "视频直播平台",
    "数据库迁移",
    "混合云组网",
    "安全加固",
    "SAP 上云",
    "大数据分析平台",
    "智慧门店",
    "HIS 系统上云",
    "办公系统云化",
];

const EN_OPPORTUNITIES: &[&str] = &[
    "Data lake expansion",
    "ERP cloud migration",
    "Kubernetes platform",
    "Disaster recovery",
    "CDN acceleration",
    "AI inference cluster",
    "Database migration",
    "Hybrid cloud network",
    "Security hardening",
    "SAP on cloud",
    "Analytics platform",
    "Video streaming backend",
    "Global game servers",
];

const LEVELS: &[(&str, u32)] = &[("V0", 30), ("V1", 25), ("V2", 18), ("V3", 12), ("V4", 9), ("V5", 6)];
const VERIFIED: &[(&str, u32)] = &[("2", 82), ("-1", 8), ("0", 6), ("1", 4)];
const CUSTOMER_TYPES: &[(i32, u32)] = &[(1, 88), (0, 9), (-1, 3)];
const TYPE_WEIGHTS: &[(&str, u32)] = &[("NEW_CUSTOMER", 35), ("UPSELL", 30), ("MIGRATION", 20), ("RENEWAL", 15)];
const STAGE_WEIGHTS: &[(&str, u32)] =
    &[("LEAD", 22), ("QUALIFIED", 20), ("SOLUTION", 18), ("NEGOTIATION", 15), ("WON", 15), ("LOST", 10)];
const PHONE_PREFIXES: &[&str] = &["135", "136", "138", "139", "150", "158", "177", "186", "188", "199"];

/// Builds the whole data set. Partner and user ids do not depend on the seed, so they stay
/// the same across runs; customers and opportunities do.
pub fn generate(customer_count: usize, seed: u64) -> Data {
    debug_assert!(TYPE_WEIGHTS.iter().all(|(t, _)| OPPORTUNITY_TYPES.contains(t)));
    debug_assert!(STAGE_WEIGHTS.iter().all(|(s, _)| STAGES.contains(s)));
    debug_assert!(ZH_WORDS.iter().chain(EN_WORDS).all(|(_, _, i)| INDUSTRIES.contains(i)));

    let mut data = Data::default();
    let mut ids = Prng::new(0x05ee_d1d5);
    for def in PARTNERS {
        let ix = data.partners.len();
        data.partners.push(Partner {
            id: ids.hex32(),
            account: def.account.into(),
            name: def.name.into(),
            partner_type: def.partner_type,
            // One reseller is an international-site account, so the X4 site notice has a case.
            site: if def.account == "nimbus_solutions" { "intl" } else { "cn" },
            parent: None,
            resellers: Vec::new(),
            users: Vec::new(),
            customers: Vec::new(),
            xaccount_type: format!("{}_platform", def.account),
        });
        for person in def.people {
            let u = data.users.len();
            data.users.push(User {
                id: ids.hex32(),
                partner: ix,
                name: person.name.into(),
                display_name: person.display.into(),
                role: person.role,
                password: PASSWORD.into(),
                supervisor: None,
                customers: Vec::new(),
            });
            data.partners[ix].users.push(u);
        }
        for person in def.people {
            if let Some(sup) = person.supervisor {
                let u = data.user_in(ix, person.name).expect("seeded user");
                data.users[u].supervisor = Some(data.user_in(ix, sup).expect("seeded supervisor"));
            }
        }
    }
    for (ix, def) in PARTNERS.iter().enumerate() {
        if let Some(parent) = def.parent {
            let parent = data.partner_by_account(parent).expect("seeded parent");
            data.partners[ix].parent = Some(parent);
            data.partners[parent].resellers.push(ix);
        }
    }

    let distributor = data.partner_by_account("hz_distributor").expect("distributor");
    let service = data.partner_by_account("huitong_services").expect("service partner");
    let resellers = data.partners[distributor].resellers.clone();
    let account_managers: Vec<Vec<usize>> = data
        .partners
        .iter()
        .map(|p| p.users.iter().copied().filter(|&u| data.users[u].role == role::ACCOUNT_MANAGER).collect())
        .collect();

    let now = reference_now();
    let mut rng = Prng::derive(seed, 2);
    let mut opp_seq = 0u64;
    data.customers.reserve(customer_count);
    data.customer_by_id.reserve(customer_count);
    for i in 0..customer_count {
        let roll = rng.below(100);
        let partner = if roll < 60 {
            distributor
        } else if roll < 90 {
            *rng.pick(&resellers)
        } else {
            service
        };
        let mut c = customer(&mut rng, i, partner, &data, &account_managers[partner], now, &mut opp_seq);
        // Ids are random 128-bit values; redraw on the (practically impossible) collision.
        while data.customer_by_id.contains_key(&c.id) {
            c.id = rng.hex32();
        }
        data.customer_by_id.insert(c.id.clone(), data.customers.len() as CustomerIx);
        data.customers.push(c);
    }

    // C1 order once, so lists per partner and per account manager come out pre-sorted.
    let mut order: Vec<CustomerIx> = (0..data.customers.len() as CustomerIx).collect();
    order.sort_unstable_by(|&a, &b| {
        let (a, b) = (data.customer(a), data.customer(b));
        b.associated_on.cmp(&a.associated_on).then_with(|| a.id.cmp(&b.id))
    });
    for ix in order {
        let c = &data.customers[ix as usize];
        let (partner, am) = (c.partner, c.account_manager);
        data.partners[partner].customers.push(ix);
        if let Some(am) = am {
            data.users[am].customers.push(ix);
        }
    }
    // Orders come from their own streams, so they leave the customers above unchanged.
    data.orders = crate::seed_orders::index(&data, seed);
    data
}

fn customer(
    rng: &mut Prng,
    i: usize,
    partner: usize,
    data: &Data,
    account_managers: &[usize],
    now: Instant,
    opp_seq: &mut u64,
) -> Customer {
    let id = rng.hex32();
    let chinese = rng.chance(0.6);
    let (account_name, name, mut industry, email) = if chinese {
        let (city, city_py) = *rng.pick(CITIES);
        let (brand, brand_py) = *rng.pick(ZH_BRANDS);
        let (word, slug, industry) = *rng.pick(ZH_WORDS);
        let mailbox = (b'a' + rng.below(26) as u8) as char;
        (
            format!("{city_py}_{brand_py}_{slug}_{i:04}"),
            format!("{city}{brand}{word}有限公司"),
            industry,
            format!("{mailbox}***@{brand_py}.cn"),
        )
    } else {
        let brand = *rng.pick(EN_BRANDS);
        let (word, slug, industry) = *rng.pick(EN_WORDS);
        let suffix = *rng.pick(EN_SUFFIXES);
        let mailbox = (b'a' + rng.below(26) as u8) as char;
        let brand_lc = brand.to_lowercase();
        (
            format!("{brand_lc}-{slug}-{i}"),
            format!("{brand} {word} {suffix}"),
            industry,
            format!("{mailbox}***@{brand_lc}.com"),
        )
    };
    // A name says a lot about the industry, but not everything.
    if rng.chance(0.1) {
        industry = *rng.pick(INDUSTRIES);
    }
    let p = &data.partners[partner];
    let association_type = match p.partner_type {
        partner_type::SERVICE_PARTNER => "1",
        partner_type::DISTRIBUTOR if rng.chance(0.15) => "1",
        _ => "2",
    };
    let associated_on = now - Duration::seconds(rng.between(3_600, 6 * 365 * 86_400));
    let label = if rng.chance(0.3) { Some(rng.weighted(LABELS)) } else { None };
    let telephone = format!("{}****{:04}", rng.pick(PHONE_PREFIXES), rng.below(10_000));
    let account_manager =
        if account_managers.is_empty() || rng.chance(0.05) { None } else { Some(*rng.pick(account_managers)) };
    let xaccount_id = format!("{:016x}", rng.next_u64());

    let n_opps = if rng.chance(0.15) { 0 } else { rng.between(1, 4) as usize };
    let mut opportunities: Vec<Opp> = (0..n_opps).map(|_| opportunity(rng, chinese, now, opp_seq)).collect();
    opportunities.sort_by(|a, b| b.last_update_time.cmp(&a.last_update_time).then_with(|| a.id.cmp(&b.id)));

    Customer {
        id,
        account_name_lc: account_name.to_lowercase(),
        account_name,
        customer_lc: name.to_lowercase(),
        customer: name,
        associated_on,
        association_type,
        label,
        telephone,
        country_code: "0086",
        email,
        verified_status: rng.weighted(VERIFIED),
        customer_type: rng.weighted(CUSTOMER_TYPES),
        is_frozen: if rng.chance(0.03) { 1 } else { 0 },
        customer_level: rng.weighted(LEVELS),
        xaccount_id,
        industry,
        partner,
        account_manager,
        opportunities,
    }
}

fn opportunity(rng: &mut Prng, chinese: bool, now: Instant, seq: &mut u64) -> Opp {
    *seq += 1;
    let two_years = 2 * 365 * 86_400;
    let created = now - Duration::seconds(rng.between(86_400, two_years));
    let since = (now - created).num_seconds();
    let updated = created + Duration::seconds(rng.between(0, since - 1));
    let stage = rng.weighted(STAGE_WEIGHTS);
    // Won deals were likely, lost ones were not; the rest vary.
    let confidence = match stage {
        "WON" => "HIGH",
        "LOST" => "LOW",
        _ => *rng.pick(CONFIDENCES),
    };
    // Log-uniform 500.00–500000.00 so the list shows varied magnitudes; half are round sums.
    let mut cents = (50_000.0 * 10f64.powf(3.0 * rng.unit())).round() as i64;
    if rng.chance(0.5) {
        cents = (cents / 10_000).max(5) * 10_000;
    }
    let opportunity_type = rng.weighted(TYPE_WEIGHTS);
    let name = match (opportunity_type, chinese) {
        ("RENEWAL", true) => "年度续约",
        ("RENEWAL", false) => "Annual renewal",
        (_, true) => *rng.pick(ZH_OPPORTUNITIES),
        (_, false) => *rng.pick(EN_OPPORTUNITIES),
    };
    Opp {
        id: format!("OPP{}{:07}", created.format("%Y"), *seq),
        name,
        opportunity_type,
        confidence,
        stage,
        expected_monthly_revenue: Amount::from_cents(cents.clamp(50_000, 50_000_000)),
        created_time: created,
        last_update_time: updated,
    }
}
