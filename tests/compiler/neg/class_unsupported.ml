class c = object end
