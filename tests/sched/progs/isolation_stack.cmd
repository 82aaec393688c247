stackbomb.svm checksum.svm
