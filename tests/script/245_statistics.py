# statistics: mean (ints stay ints), fmean, medians, mode, multimode, quantiles, variance, pvariance,
# stdev, pstdev (correctly rounded, as CPython's exact arithmetic gives them), geometric and harmonic
# means, StatisticsError.
import statistics as st
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean([1, 2, 3, 4, 4]), st.mean([1, 2, 3]), st.mean(data), st.mean([0.1, 0.2, 0.3]), st.mean([1, 2.5]), st.mean([True, False, True]))
print(st.fmean([0.1, 0.2, 0.3]), st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3], weights=[0.25, 0.25, 0.5]))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median([2.5, 1.5]))
print(st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.median_grouped([1, 3, 3, 5, 7], interval=2))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue", "red", "green", "red", "red"]), st.mode("aabbbc"), st.multimode("aabbbbccddddeeffffgg"), st.multimode([]))
print(st.variance([1, 3, 5]), st.variance([1, 2, 3, 4, 5]), st.variance(data), st.pvariance(data), st.pvariance([1, 2, 3, 4]))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev([1, 2, 3, 4]), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(st.variance([1, 2, 3], xbar=2), st.variance([1.0, 2.0, 3.0], 2.0), st.pvariance(data, mu=1.5), st.stdev(data, 1.6))
vals = [0.1 * i + 1e3 for i in range(20)]
print(st.mean(vals), st.variance(vals), st.stdev(vals), st.pstdev(vals))
losses = [2.302, 1.874, 1.531, 1.204, 0.987, 0.876, 0.801, 0.75]
print(st.mean(losses), st.stdev(losses), st.variance(losses), st.median(losses), st.quantiles(losses), st.quantiles(losses, n=10, method="inclusive"))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.harmonic_mean([40, 60], weights=[5, 30]))
for f, arg in ((st.mean, []), (st.variance, [1]), (st.stdev, []), (st.median, []), (st.mode, []), (st.pvariance, [])):
    try:
        f(arg)
    except st.StatisticsError as e:
        print("StatisticsError", e)
print(issubclass(st.StatisticsError, ValueError))

# CPython 3.11 printed:
# expect: 2.8 2 1.6071428571428572 0.2 1.75 0.6666666666666666
# expect: 0.19999999999999998 4.25 2.25
# expect: 3 4.0 3 5 2.0
# expect: 52.5 3.7 3.5
# expect: 3 red b ['b', 'd', 'f'] []
# expect: 4 2.5 1.3720238095238095 1.1760204081632653 1.25
# expect: 1.0810874155219827 0.986893273527251 1.2909944487358056 2.0
# expect: 1 1.0 1.1875 1.1713596088876095
# expect: 1000.95 0.3499999999999952 0.5916079783099576 0.5766281297335358
# expect: 1.290625 0.5637375117400448 0.31779998214285715 1.0955 [0.81975, 1.0955, 1.78825] [0.7857000000000001, 0.8310000000000001, 0.8871, 0.9648, 1.0955, 1.2693999999999999, 1.4983, 1.7368, 2.0024]
# expect: 36.000000000000014 48.0 56.0
# expect: StatisticsError mean requires at least one data point
# expect: StatisticsError variance requires at least two data points
# expect: StatisticsError stdev requires at least two data points
# expect: StatisticsError no median for empty data
# expect: StatisticsError no mode for empty data
# expect: StatisticsError pvariance requires at least one data point
# expect: True
