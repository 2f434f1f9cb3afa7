{{ # The GB of a byte column in the gb_unit (binary 2^30 or decimal 10^9), rounded to 9 decimal places, as "gb". column: the byte column's name. ~}}
CAST(ROUND(CAST({{ ident column }} AS DECIMAL(38, 0)) * CASE {{ param 'gb_unit' }} WHEN 'decimal' THEN 0.000000001 ELSE 0.000000000931322574615478515625 END, 9) AS DECIMAL(38, 9)) AS {{ ident 'gb' }}
