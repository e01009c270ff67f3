// @baihua/apps/forecasting: LSTM/GRU forecasters on real public-domain series (the seed's trend scenario).
