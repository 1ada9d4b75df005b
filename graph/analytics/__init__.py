"""Analytics over the citation network (networkx, jieba) and the analysis graph they write."""
