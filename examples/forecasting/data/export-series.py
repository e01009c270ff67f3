"""Exports the three series of examples/forecasting from Debian's python3-statsmodels to CSV.

Run once (the CSVs are committed; nothing runs Python at run time):
    sudo apt-get install python3-statsmodels
    /usr/bin/python3 examples/forecasting/data/export-series.py  (Debian's Python, which sees the package)

Reads the CSV files statsmodels ships (statsmodels/datasets/<name>/<name>.csv) with the csv module only.
- co2.csv: Mauna Loa weekly CO2 (ppmv, Saturdays 1958-03-29 .. 2001-12-29, 2225 weeks, 59 of them empty)
  -> monthly means of the weeks each calendar month holds (a week counts in the month of its date).
  A month whose weeks are all missing gets the linear interpolation between the nearest months with data
  and `weeks` 0, so the filled months are visible in the file.
- nile.csv: annual flow of the Nile at Aswan, 1871..1970 (10^8 m^3), copied as it is (no gaps).
- sunspots.csv: yearly sunspot activity 1700..2008, copied as it is (no gaps).
"""
import csv
import os

import statsmodels.datasets

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.dirname(statsmodels.datasets.__file__)


def read(name):
    with open(os.path.join(source, name, name + '.csv'), newline='') as f:
        return list(csv.DictReader(f))


def write(name, header, rows):
    with open(os.path.join(here, name + '.csv'), 'w', newline='') as f:
        out = csv.writer(f, lineterminator='\n')
        out.writerow(header)
        out.writerows(rows)


def monthly_co2():
    sums = {}
    for row in read('co2'):
        month = row['date'][:4] + '-' + row['date'][4:6]
        total, count = sums.get(month, (0.0, 0))
        if row['co2'].strip() != '':
            total, count = total + float(row['co2']), count + 1
        sums[month] = (total, count)
    first, last = min(sums), max(sums)
    months, (year, mon) = [], (int(first[:4]), int(first[5:]))
    while '%04d-%02d' % (year, mon) <= last:
        months.append('%04d-%02d' % (year, mon))
        year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
    values = [sums[m][0] / sums[m][1] if sums.get(m, (0.0, 0))[1] > 0 else None for m in months]
    known = [i for i, v in enumerate(values) if v is not None]
    for i, v in enumerate(values):
        if v is None:
            left = max(k for k in known if k < i)
            right = min(k for k in known if k > i)
            values[i] = values[left] + (values[right] - values[left]) * (i - left) / (right - left)
    weeks = [sums[m][1] if m in sums else 0 for m in months]
    return [[m, '%.4f' % v, w] for m, v, w in zip(months, values, weeks)]


write('co2-monthly', ['month', 'co2', 'weeks'], monthly_co2())
write('nile', ['year', 'volume'], [[r['year'], r['volume']] for r in read('nile')])
write('sunspots', ['year', 'sunactivity'], [[r['YEAR'], r['SUNACTIVITY']] for r in read('sunspots')])
