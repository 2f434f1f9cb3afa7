{{ # gb × usd_per_gb rounded half up to 6 decimal places, as "cost_usd": what every priced query bills. ~}}
CAST(ROUND({{ ident 'gb' }} * {{ ident 'usd_per_gb' }}, 6) AS DECIMAL(38, 6)) AS {{ ident 'cost_usd' }}
