heapbomb.svm checksum.svm
